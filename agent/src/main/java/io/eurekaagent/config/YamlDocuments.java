package io.eurekaagent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The documents of a YAML file as Spring Boot flattens them: {@code a: {b: x}} is {@code a.b=x}, a list's items
 * {@code a[0]}, {@code a[1]}. SnakeYAML's parser (Spring Boot's own) builds the node tree; no object is constructed
 * from it. Only loaded when the app has a YAML file: the agent's start-up never pays for the parser otherwise.
 */
final class YamlDocuments {
    private YamlDocuments() {
    }

    /** Each document's settings, in file order; a malformed file is an {@link IllegalArgumentException}. */
    static List<Map<String, String>> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        List<Map<String, String>> documents = new ArrayList<>();
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
            while (composer.checkNode()) {
                Map<String, String> settings = new LinkedHashMap<>();
                flatten("", composer.getNode(), settings);
                documents.add(settings);
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new IllegalArgumentException(e.getProblem() + (mark == null ? ""
                    : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return documents;
    }

    private static void flatten(String path, Node node, Map<String, String> into) {
        if (node instanceof MappingNode) {
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                Node key = tuple.getKeyNode();
                if (key.getTag().equals(Tag.MERGE)) {
                    // "<<: *defaults": the anchored mapping's entries, under this one's (its own entries win).
                    merge(path, tuple.getValueNode(), into);
                } else if (key instanceof ScalarNode) {
                    String name = ((ScalarNode) key).getValue();
                    flatten(path.isEmpty() ? name : path + "." + name, tuple.getValueNode(), into);
                }
            }
        } else if (node instanceof SequenceNode) {
            List<Node> items = ((SequenceNode) node).getValue();
            for (int i = 0; i < items.size(); i++) {
                flatten(path + "[" + i + "]", items.get(i), into);
            }
        } else if (node instanceof ScalarNode && !path.isEmpty()) {
            into.put(path, scalar((ScalarNode) node));
        }
    }

    private static void merge(String path, Node merged, Map<String, String> into) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (merged instanceof SequenceNode) {
            for (Node each : ((SequenceNode) merged).getValue()) {
                flatten(path, each, entries);
            }
        } else {
            flatten(path, merged, entries);
        }
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            into.putIfAbsent(entry.getKey(), entry.getValue());
        }
    }

    /** As Spring Boot reads it: YAML 1.1's yes/on/no/off are booleans, {@code ~} and {@code null} are empty. */
    private static String scalar(ScalarNode node) {
        String value = node.getValue();
        if (node.getTag().equals(Tag.NULL)) {
            return "";
        }
        if (node.getTag().equals(Tag.BOOL)) {
            String lower = value.toLowerCase(Locale.ROOT);
            return lower.equals("yes") || lower.equals("on") || lower.equals("true") ? "true" : "false";
        }
        return value;
    }
}
