package cn.banshi.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runbook's commands read the stack's outputs by key: each key must be an output of the template. */
final class RunbookOutputs {
    private static final Pattern QUERY = Pattern.compile("OutputKey=='(\\w+)'");

    private RunbookOutputs() {}

    static List<String> violations(Template template, String runbook) {
        List<String> violations = new ArrayList<>();
        Matcher m = QUERY.matcher(runbook);
        int queries = 0;
        while (m.find()) {
            queries++;
            if (!template.doc.path("Outputs").has(m.group(1))) {
                violations.add(
                        "docs/deploy.md queries the output " + m.group(1) + ", which the template does not have");
            }
        }
        if (queries == 0) violations.add("docs/deploy.md reads no stack output (its variables would be unset)");
        if (!runbook.contains("aws cloudfront create-invalidation")) {
            violations.add("docs/deploy.md never runs aws cloudfront create-invalidation after uploading the site");
        }
        return violations;
    }
}
