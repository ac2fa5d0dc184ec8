package cn.banshi.infra;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template written in YAML into the JSON form CloudFormation itself works on: the
 * short-form tags become their long forms ({@code !Ref X} → {"Ref": "X"}, {@code !GetAtt A.B} → {"Fn::GetAtt":
 * ["A", "B"]}, {@code !Sub}/{@code !If}/... → {"Fn::Sub": ...}, {@code !Condition C} → {"Condition": "C"}).
 * Duplicate keys are an error, as they are for CloudFormation.
 */
final class CfnYaml {
    private static final List<String> FUNCTIONS = List.of(
            "And",
            "Base64",
            "Cidr",
            "Equals",
            "FindInMap",
            "GetAZs",
            "If",
            "ImportValue",
            "Join",
            "Not",
            "Or",
            "Select",
            "Split",
            "Sub",
            "Transform",
            "Length",
            "ToJsonString",
            // the functions of a template's Rules
            "Contains",
            "EachMemberEquals",
            "EachMemberIn",
            "RefAll",
            "ValueOf",
            "ValueOfAll");

    private CfnYaml() {}

    static JsonNode read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Json.mapper().valueToTree(yaml().load(reader));
        }
    }

    static JsonNode parse(String text) {
        return Json.mapper().valueToTree(yaml().load(text));
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new Constructor(options));
    }

    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            for (String function : FUNCTIONS)
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
        }

        private Object value(Node node) {
            if (node instanceof ScalarNode scalar) return scalar.getValue();
            if (node instanceof SequenceNode sequence) {
                List<Object> list = new ArrayList<>();
                for (Node child : sequence.getValue()) list.add(constructObject(child));
                return list;
            }
            return constructMapping((MappingNode) node);
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Map<String, Object> call = new LinkedHashMap<>();
                call.put(name, value(node));
                return call;
            }
        }

        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = value(node);
                if (value instanceof String dotted) {
                    int dot = dotted.indexOf('.');
                    if (dot < 1) throw new IllegalArgumentException("!GetAtt needs Resource.Attribute: " + dotted);
                    value = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
                }
                Map<String, Object> call = new LinkedHashMap<>();
                call.put("Fn::GetAtt", value);
                return call;
            }
        }
    }
}
