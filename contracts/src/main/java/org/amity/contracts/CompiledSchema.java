package org.amity.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JSON Schema (2020-12) turned once into a tree of checks, for the keywords the contracts' schemas use: {@code type},
 * {@code properties}, {@code required}, {@code additionalProperties}, {@code enum}, {@code const}, {@code minimum},
 * {@code maximum}, {@code pattern}, {@code minLength}, {@code maxLength}, {@code items}, {@code minItems},
 * {@code maxItems}, {@code not}, {@code allOf}, {@code anyOf}, {@code oneOf} and {@code $ref} (within a file or to
 * another file of {@code schemas/}). Annotations ({@code title}, {@code description}, {@code contentEncoding}, ...)
 * are ignored, as the specification says; any other keyword is refused when the schema is loaded, so a schema cannot
 * quietly rely on a check that is not made.
 *
 * <p>Every event is checked on the way out and again on receipt, and a general-purpose validator spent more time
 * checking a statistics event than the consumer spent on anything else; this one walks the document once, and
 * renders a location as text only for a violation it reports. {@code CompiledSchemaTest} holds it to the verdicts of a
 * general-purpose validator over every schema and many broken documents.
 */
final class CompiledSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "examples", "default", "deprecated", "readOnly", "writeOnly", "contentEncoding", "contentMediaType", "$defs");

    /** Checks one value; appends what is wrong with it, each prefixed with its location. */
    @FunctionalInterface
    private interface Check {
        void check(JsonNode value, Location at, List<String> violations);
    }

    /** The location of a value in the document, rendered only when a violation is reported. */
    private record Location(Location parent, String property, int index) {
        static final Location ROOT = new Location(null, null, -1);

        Location property(String name) {
            return new Location(this, name, -1);
        }

        Location item(int i) {
            return new Location(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "$";
            }
            return property != null ? parent + "." + property : parent + "[" + index + "]";
        }
    }

    /** The loaded files (by path under {@code schemas/}) and the checks compiled from them, shared by every schema. */
    private static final Map<String, JsonNode> FILES = new ConcurrentHashMap<>();
    private static final Map<String, Check> COMPILED = new ConcurrentHashMap<>();

    private final Check root;

    private CompiledSchema(Check root) {
        this.root = root;
    }

    /** The schema in {@code schemas/<file>} on the classpath. */
    static CompiledSchema load(String file) {
        return new CompiledSchema(compile(file, document(file)));
    }

    /** What is wrong with the document, each as {@code $.path: problem}; empty when it is valid. */
    List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>(0);
        root.check(document, Location.ROOT, violations);
        return violations;
    }

    /**
     * The check at a JSON pointer of a file, compiled on first use (so that references may be circular). Two threads
     * may both compile it the first time; the results are the same and either is kept.
     */
    private static Check reference(String file, String pointer) {
        String key = file + "#" + pointer;
        Check known = COMPILED.get(key);
        if (known != null) {
            return known;
        }
        Check[] resolved = new Check[1];
        Check lazy = (value, at, violations) -> {
            if (resolved[0] == null) {
                resolved[0] = compile(file, document(file).at(pointer));
            }
            resolved[0].check(value, at, violations);
        };
        Check raced = COMPILED.putIfAbsent(key, lazy);
        return raced != null ? raced : lazy;
    }

    private static JsonNode document(String file) {
        return FILES.computeIfAbsent(file, f -> {
            try (InputStream in = CompiledSchema.class.getClassLoader().getResourceAsStream("schemas/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("no schema schemas/" + f + " on the classpath");
                }
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new IllegalStateException("schema schemas/" + f + " does not load", e);
            }
        });
    }

    private static Check compile(String file, JsonNode schema) {
        if (schema.isMissingNode()) {
            throw new IllegalStateException("a reference in " + file + " points at nothing");
        }
        if (schema.isBoolean()) {
            return schema.booleanValue() ? (value, at, violations) -> { }
                    : (value, at, violations) -> violations.add(at + ": is not allowed here");
        }
        List<Check> checks = new ArrayList<>();
        Map<String, Check> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> keyword = it.next();
            JsonNode arg = keyword.getValue();
            switch (keyword.getKey()) {
                case "type" -> checks.add(type(arg));
                case "properties" -> arg.fields().forEachRemaining(p -> properties.put(p.getKey(), compile(file, p.getValue())));
                case "required" -> checks.add(required(arg));
                case "additionalProperties", "items", "minimum", "maximum", "minLength", "maxLength", "minItems",
                        "maxItems" -> {
                    // compiled below, with what they depend on
                }
                case "enum" -> checks.add(oneOfValues(arg));
                case "const" -> checks.add(oneOfValues(JSON.createArrayNode().add(arg)));
                case "pattern" -> checks.add(pattern(arg.asText()));
                case "not" -> checks.add(not(compile(file, arg)));
                case "allOf" -> arg.forEach(sub -> checks.add(compile(file, sub)));
                case "anyOf" -> checks.add(alternatives(file, arg, false));
                case "oneOf" -> checks.add(alternatives(file, arg, true));
                case "$ref" -> checks.add(ref(file, arg.asText()));
                default -> {
                    if (!ANNOTATIONS.contains(keyword.getKey())) {
                        throw new IllegalStateException("schema keyword " + keyword.getKey() + " in " + file
                                + " is not supported by " + CompiledSchema.class.getSimpleName());
                    }
                }
            }
        }
        if (!properties.isEmpty() || schema.has("additionalProperties")) {
            checks.add(object(properties, schema.has("additionalProperties")
                    ? compile(file, schema.get("additionalProperties")) : null));
        }
        if (schema.has("items")) {
            checks.add(items(compile(file, schema.get("items"))));
        }
        if (schema.has("minimum") || schema.has("maximum")) {
            checks.add(range(schema.get("minimum"), schema.get("maximum")));
        }
        if (schema.has("minLength") || schema.has("maxLength")) {
            checks.add(length(schema.path("minLength").asInt(0), schema.path("maxLength").asInt(Integer.MAX_VALUE)));
        }
        if (schema.has("minItems") || schema.has("maxItems")) {
            checks.add(size(schema.path("minItems").asInt(0), schema.path("maxItems").asInt(Integer.MAX_VALUE)));
        }
        Check[] all = checks.toArray(Check[]::new);
        return all.length == 1 ? all[0] : (value, at, violations) -> {
            for (Check check : all) {
                check.check(value, at, violations);
            }
        };
    }

    private static Check ref(String file, String ref) {
        int hash = ref.indexOf('#');
        String target = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        return reference(target.isEmpty() ? file : resolve(file, target), pointer);
    }

    /** A file named relative to another's folder ({@code ../common.v1.schema.json} from {@code casework/X}). */
    private static String resolve(String from, String relative) {
        List<String> parts = new ArrayList<>(List.of(from.split("/")));
        parts.remove(parts.size() - 1);
        for (String part : relative.split("/")) {
            if (part.equals("..")) {
                parts.remove(parts.size() - 1);
            } else if (!part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static Check type(JsonNode arg) {
        List<String> names = new ArrayList<>();
        if (arg.isArray()) {
            arg.forEach(t -> names.add(t.asText()));
        } else {
            names.add(arg.asText());
        }
        String expected = String.join(" or ", names);
        String[] types = names.toArray(String[]::new);
        return (value, at, violations) -> {
            for (String type : types) {
                if (isOfType(value, type)) {
                    return;
                }
            }
            violations.add(at + ": " + typeName(value) + " found, " + expected + " expected");
        };
    }

    private static boolean isOfType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            default -> throw new IllegalStateException("unknown schema type " + type);
        };
    }

    private static String typeName(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static Check required(JsonNode arg) {
        List<String> names = new ArrayList<>();
        arg.forEach(n -> names.add(n.asText()));
        String[] required = names.toArray(String[]::new);
        return (value, at, violations) -> {
            if (!value.isObject()) {
                return;
            }
            for (String name : required) {
                if (!value.has(name)) {
                    violations.add(at + ": required property '" + name + "' is missing");
                }
            }
        };
    }

    private static Check object(Map<String, Check> properties, Check additional) {
        Map<String, Check> declared = new HashMap<>(properties);
        return (value, at, violations) -> {
            if (!value.isObject()) {
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                Check check = declared.get(field.getKey());
                if (check == null) {
                    check = additional;
                }
                if (check != null) {
                    check.check(field.getValue(), at.property(field.getKey()), violations);
                }
            }
        };
    }

    private static Check items(Check each) {
        return (value, at, violations) -> {
            if (!value.isArray()) {
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                each.check(value.get(i), at.item(i), violations);
            }
        };
    }

    private static Check oneOfValues(JsonNode allowed) {
        List<JsonNode> values = new ArrayList<>();
        allowed.forEach(values::add);
        String shown = allowed.toString();
        return (value, at, violations) -> {
            for (JsonNode candidate : values) {
                if (sameJson(candidate, value)) {
                    return;
                }
            }
            violations.add(at + ": is not one of " + shown);
        };
    }

    /** JSON equality: numbers by value (1 equals 1.0), objects regardless of member order. */
    private static boolean sameJson(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
            return false;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!sameJson(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!b.has(field.getKey()) || !sameJson(field.getValue(), b.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static Check pattern(String regex) {
        Predicate<String> matches = Patterns.matcher(regex);
        return (value, at, violations) -> {
            if (value.isTextual() && !matches.test(value.textValue())) {
                violations.add(at + ": does not match the pattern " + regex);
            }
        };
    }

    private static Check not(Check forbidden) {
        return (value, at, violations) -> {
            List<String> inner = new ArrayList<>(0);
            forbidden.check(value, at, inner);
            if (inner.isEmpty()) {
                violations.add(at + ": matches a schema it must not match");
            }
        };
    }

    private static Check alternatives(String file, JsonNode branches, boolean exactlyOne) {
        List<Check> checks = new ArrayList<>();
        branches.forEach(b -> checks.add(compile(file, b)));
        return (value, at, violations) -> {
            int valid = 0;
            List<String> why = new ArrayList<>();
            for (Check branch : checks) {
                List<String> inner = new ArrayList<>(0);
                branch.check(value, at, inner);
                if (inner.isEmpty()) {
                    valid++;
                } else {
                    why.addAll(inner);
                }
            }
            if (exactlyOne && valid != 1) {
                violations.add(at + ": must match exactly one of " + checks.size() + " alternatives, matches " + valid
                        + (valid == 0 ? " (" + String.join("; ", why) + ")" : ""));
            } else if (!exactlyOne && valid == 0) {
                violations.add(at + ": must match at least one of " + checks.size() + " alternatives ("
                        + String.join("; ", why) + ")");
            }
        };
    }

    private static Check range(JsonNode minimum, JsonNode maximum) {
        BigDecimal min = minimum == null ? null : minimum.decimalValue();
        BigDecimal max = maximum == null ? null : maximum.decimalValue();
        return (value, at, violations) -> {
            if (!value.isNumber()) {
                return;
            }
            BigDecimal v = value.decimalValue();
            if (min != null && v.compareTo(min) < 0) {
                violations.add(at + ": must be at least " + min.toPlainString());
            }
            if (max != null && v.compareTo(max) > 0) {
                violations.add(at + ": must be at most " + max.toPlainString());
            }
        };
    }

    /** Lengths in characters (code points), as JSON Schema counts them, not in UTF-16 units. */
    private static Check length(int min, int max) {
        return (value, at, violations) -> {
            if (!value.isTextual()) {
                return;
            }
            String s = value.textValue();
            int n = s.codePointCount(0, s.length());
            if (n < min) {
                violations.add(at + ": must be at least " + min + " characters long");
            }
            if (n > max) {
                violations.add(at + ": must be at most " + max + " characters long");
            }
        };
    }

    private static Check size(int min, int max) {
        return (value, at, violations) -> {
            if (!value.isArray()) {
                return;
            }
            if (value.size() < min) {
                violations.add(at + ": must have at least " + min + " items");
            }
            if (value.size() > max) {
                violations.add(at + ": must have at most " + max + " items");
            }
        };
    }
}
