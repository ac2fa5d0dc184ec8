package cn.banshi.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The environment variables the main code of every deployed module reads, found in the sources. */
final class EnvVars {
    private static final Pattern GETENV = Pattern.compile("System\\.getenv\\(([^)]*)\\)");
    private static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"");

    /** Modules whose code never runs in AWS (the local run, test support). */
    private static final Set<String> NOT_DEPLOYED = Set.of("local", "testkit");

    private EnvVars() {}

    static Set<String> readByCode(Path root) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/")
                            && !f.toString().contains("node_modules"))
                    .filter(f ->
                            !NOT_DEPLOYED.contains(root.relativize(f).getName(0).toString()))
                    .toList();
        }
        Map<String, Set<String>> constants = new HashMap<>();
        Map<Path, String> texts = new HashMap<>();
        for (Path source : sources) {
            String text = Files.readString(source);
            texts.put(source, text);
            Matcher m = CONSTANT.matcher(text);
            while (m.find())
                constants.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
        }
        Set<String> read = new TreeSet<>();
        texts.forEach((source, text) -> {
            Matcher m = GETENV.matcher(text);
            while (m.find()) {
                String argument = m.group(1).strip();
                if (argument.matches("\"[A-Z0-9_]+\"")) {
                    read.add(argument.substring(1, argument.length() - 1));
                    continue;
                }
                String constant = argument.substring(argument.lastIndexOf('.') + 1);
                Set<String> values = constants.get(constant);
                if (values == null || values.size() != 1) {
                    throw new IllegalStateException(source + ": cannot tell which variable System.getenv(" + argument
                            + ") reads; use a literal or a String constant");
                }
                read.add(values.iterator().next());
            }
        });
        return read;
    }
}
