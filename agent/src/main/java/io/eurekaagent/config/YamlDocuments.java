package io.eurekaagent.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The documents of a YAML file as Spring Boot flattens them: {@code a: {b: x}} is {@code a.b=x}, a list's items
 * {@code a[0]}, {@code a[1]}. SnakeYAML's parser (Spring Boot's own) reads the file; its events are flattened here,
 * not through its node tree, whose tag resolver compiles a dozen regular expressions: in premain that was most of
 * the file's cost. Only loaded when the app has a YAML file.
 */
final class YamlDocuments {
    /** SnakeYAML's own default nesting limit; and a bound on what aliases of aliases may copy. */
    private static final int MOST_NESTING = 50;
    private static final int MOST_SETTINGS = 10_000;
    /** YAML 1.1's plain booleans and nulls, as SnakeYAML's resolver (and so Spring Boot) reads them. */
    private static final Set<String> TRUE = Set.of("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final String MERGE = "<<";

    private final Parser parser;
    /** A document's anchored nodes, as their settings relative to themselves. */
    private final Map<String, Map<String, String>> anchors = new HashMap<>();
    private int settings;

    private YamlDocuments(Parser parser) {
        this.parser = parser;
    }

    /** Each document's settings, in file order; a malformed file is an {@link IllegalArgumentException}. */
    static List<Map<String, String>> parse(String text) {
        try {
            return new YamlDocuments(new ParserImpl(new StreamReader(text), new LoaderOptions())).documents();
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException(e.getProblem() + at(e.getProblemMark()), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private List<Map<String, String>> documents() {
        List<Map<String, String>> documents = new ArrayList<>();
        parser.getEvent();
        while (!parser.checkEvent(Event.ID.StreamEnd)) {
            parser.getEvent();
            Map<String, String> document = new LinkedHashMap<>(node(0));
            document.remove(""); // a document that is one scalar names no setting
            documents.add(document);
            parser.getEvent();
            anchors.clear();
            settings = 0;
        }
        return documents;
    }

    /** The next node's settings relative to it: a scalar's value under "", a mapping's entries under their keys. */
    private Map<String, String> node(int depth) {
        Event event = parser.getEvent();
        if (depth > MOST_NESTING) {
            throw new IllegalArgumentException("nested deeper than " + MOST_NESTING + " levels" + at(event));
        }
        if (event.is(Event.ID.Alias)) {
            Map<String, String> anchored = anchors.get(((AliasEvent) event).getAnchor());
            if (anchored == null) {
                throw new IllegalArgumentException("alias *" + ((AliasEvent) event).getAnchor()
                        + " names no anchor before it" + at(event));
            }
            count(anchored.size(), event);
            return anchored;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        if (event.is(Event.ID.Scalar)) {
            entries.put("", scalar((ScalarEvent) event));
        } else if (event.is(Event.ID.MappingStart)) {
            mapping(entries, depth);
            parser.getEvent();
        } else {
            for (int i = 0; !parser.checkEvent(Event.ID.SequenceEnd); i++) {
                add(entries, "[" + i + "]", node(depth + 1), event);
            }
            parser.getEvent();
        }
        String anchor = ((NodeEvent) event).getAnchor();
        if (anchor != null) {
            anchors.put(anchor, entries);
        }
        return entries;
    }

    private void mapping(Map<String, String> entries, int depth) {
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event keyEvent = parser.peekEvent();
            String key = node(depth + 1).get("");
            if (MERGE.equals(key) && isPlain(keyEvent)) {
                merge(entries, depth);
            } else if (key != null && !key.isEmpty()) {
                add(entries, key, node(depth + 1), keyEvent);
            } else {
                node(depth + 1); // an empty key, or a mapping or list as one: no property name to give it
            }
        }
    }

    /** "<<: *defaults" (or a list of aliases): the merged mappings' entries, under this one's (its own win). */
    private void merge(Map<String, String> entries, int depth) {
        List<Map<String, String>> merged = new ArrayList<>();
        if (parser.checkEvent(Event.ID.SequenceStart)) {
            parser.getEvent();
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                merged.add(node(depth + 2));
            }
            parser.getEvent();
        } else {
            merged.add(node(depth + 1));
        }
        for (Map<String, String> mapping : merged) {
            count(mapping.size(), parser.peekEvent());
            for (Map.Entry<String, String> entry : mapping.entrySet()) {
                entries.putIfAbsent(entry.getKey(), entry.getValue());
            }
        }
    }

    /** A child's settings under its key: {@code key}, {@code key.child}, {@code key[0]}. */
    private void add(Map<String, String> entries, String key, Map<String, String> child, Event at) {
        count(child.size(), at);
        for (Map.Entry<String, String> entry : child.entrySet()) {
            String relative = entry.getKey();
            entries.put(relative.isEmpty() ? key : relative.startsWith("[") ? key + relative : key + "." + relative,
                    entry.getValue());
        }
    }

    private void count(int added, Event at) {
        settings += added;
        if (settings > MOST_SETTINGS) {
            throw new IllegalArgumentException("more than " + MOST_SETTINGS + " settings in one document (aliases"
                    + " of aliases?)" + at(at));
        }
    }

    private static boolean isPlain(Event event) {
        return event.is(Event.ID.Scalar) && ((ScalarEvent) event).getImplicit().canOmitTagInPlainScalar();
    }

    /** As Spring Boot reads a plain scalar: yes/on/no/off are booleans, {@code ~} and {@code null} are empty. */
    private static String scalar(ScalarEvent event) {
        String value = event.getValue();
        if (!isPlain(event)) {
            return value;
        }
        return TRUE.contains(value) ? "true" : FALSE.contains(value) ? "false" : NULL.contains(value) ? "" : value;
    }

    private static String at(Event event) {
        return at(event.getStartMark());
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
