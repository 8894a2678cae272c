package org.amity.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

/**
 * {@link CompiledSchema} gives the verdict a general-purpose JSON Schema validator gives, over every schema file of
 * the contracts: on a document built from the schema and on each of many broken versions of it (a property removed,
 * its value replaced by one of a list of wrong values, an unknown property added, an array emptied or overfilled).
 */
class CompiledSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonSchemaFactory REFERENCE = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** A value matching each pattern the schemas use; a new pattern needs one here. */
    private static final Map<String, String> MATCHING = Map.ofEntries(
            Map.entry("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "2026-11-21"),
            Map.entry("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$", "2026-11-21T10:00:00.123Z"),
            Map.entry("^[0-9a-f]{64}$", "ab".repeat(32)),
            Map.entry("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", "0b7e3c52-5a1d-4d8e-9f0a-2c4b6d8e0f12"),
            Map.entry("^[A-Z0-9-]{6,40}$", "AMY-7K2Q9X"),
            Map.entry("^[A-Z][A-Za-z]{2,63}$", "CaseOpened"),
            Map.entry("^[A-Za-z0-9+/]{16}$", "AAAAAAAAAAAAAAAA"),
            Map.entry("^[A-Za-z0-9-]+$", "case-1"),
            Map.entry("^[A-Za-z0-9. ()-]+$", "Flat 2 (rear)"),
            Map.entry("^[A-Za-z0-9/_.:-]+$", "kent/ref_1.2:3"),
            Map.entry("^[A-Za-z0-9@._:-]{1,100}$", "officer@kent-police"),
            Map.entry("^[a-z0-9]+(-[a-z0-9]+)*$", "anti-muslim"));

    /** Wrong values put in place of every value of a document, one at a time. */
    private static final List<JsonNode> WRONG = List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(0),
            NODES.numberNode(-1), NODES.numberNode(1.5), NODES.numberNode(1.0), NODES.numberNode(23),
            NODES.numberNode(Long.MAX_VALUE), NODES.textNode(""), NODES.textNode("x"), NODES.textNode("Not A Code"),
            NODES.textNode("x".repeat(300)), NODES.textNode("2026-13-45"), NODES.textNode("robert'); drop table--"),
            NODES.textNode("line\nbreak"), NODES.textNode("\uD83D\uDE00".repeat(40)), NODES.objectNode(),
            NODES.arrayNode(), NODES.arrayNode().add("a"), NODES.objectNode().put("x", 1));

    @Test
    void agreesWithAGeneralPurposeValidatorOnEverySchemaAndManyBrokenDocuments() throws Exception {
        List<String> files = schemaFiles();
        assertThat(files).hasSizeGreaterThan(20);
        int documents = 0;
        int valid = 0;
        for (String file : files) {
            JsonSchema reference = REFERENCE.getSchema(SchemaLocation.of("classpath:schemas/" + file));
            CompiledSchema compiled = CompiledSchema.load(file);
            JsonNode schema = read(file);
            if (!schema.has("type") && !schema.has("$ref")) {
                continue; // a file of definitions only
            }
            JsonNode built = instance(file, schema);
            for (JsonNode document : variants(built)) {
                boolean expected = reference.validate(document).isEmpty();
                List<String> found = compiled.violations(document);
                assertThat(found.isEmpty()).as("%s on %s: %s", file, document, found).isEqualTo(expected);
                documents++;
                valid += expected ? 1 : 0;
            }
        }
        // the corpus holds both verdicts in number, or agreement would prove little
        assertThat(documents).isGreaterThan(5_000);
        assertThat(valid).isGreaterThan(100);
        assertThat(documents - valid).isGreaterThan(4_000);
    }

    @Test
    void namesTheFieldAndWhatIsWrongWithIt() throws Exception {
        CompiledSchema facts = CompiledSchema.load("casework/CaseStatisticsRecorded.v1.schema.json");
        ObjectNode document = (ObjectNode) instance("casework/CaseStatisticsRecorded.v1.schema.json",
                read("casework/CaseStatisticsRecorded.v1.schema.json"));
        assertThat(facts.violations(document)).isEmpty();
        document.put("district", "12 Acacia Avenue");
        ((ObjectNode) document.withArray("strands").get(0)).put("subCategory", "Sam Example");
        document.remove("caseKey");
        document.put("victimName", "Sam Example");
        assertThat(facts.violations(document)).containsExactlyInAnyOrder(
                "$: required property 'caseKey' is missing",
                "$.district: does not match the pattern ^[a-z0-9]+(-[a-z0-9]+)*$",
                "$.strands[0].subCategory: does not match the pattern ^[a-z0-9]+(-[a-z0-9]+)*$",
                "$.victimName: is not allowed here");
    }

    @Test
    void refusesASchemaWithAKeywordItDoesNotCheck() throws Exception {
        assertThatThrownBy(() -> CompiledSchema.load("test-only/unsupported.schema.json").violations(NODES.textNode("x")))
                .hasMessageContaining("schema keyword format");
    }

    /** Every schema file under {@code schemas/}, as a path relative to it. */
    private static List<String> schemaFiles() throws IOException, URISyntaxException {
        Path root = Path.of(CompiledSchema.class.getClassLoader().getResource("schemas/envelope.v1.schema.json").toURI())
                .getParent();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".schema.json"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = CompiledSchema.class.getClassLoader().getResourceAsStream("schemas/" + file)) {
            return JSON.readTree(in);
        }
    }

    /** A document with every property the schema declares, each holding a value of its kind. */
    private static JsonNode instance(String file, JsonNode schema) throws IOException {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            int hash = ref.indexOf('#');
            String target = ref.substring(0, hash);
            String other = target.isEmpty() ? file : Path.of(file).resolveSibling(target).normalize().toString();
            return instance(other, read(other).at(ref.substring(hash + 1)));
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText("object");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> property = it.next();
                    object.set(property.getKey(), instance(file, property.getValue()));
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(instance(file, schema.path("items")));
            case "string" -> NODES.textNode(schema.has("pattern") ? matching(schema.get("pattern").asText()) : "text");
            case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            case "number" -> NODES.numberNode(2.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> throw new IllegalStateException("no instance for type " + type + " in " + file);
        };
    }

    private static String matching(String pattern) {
        String value = MATCHING.get(pattern);
        if (value == null) {
            throw new IllegalStateException("add a value matching the new pattern " + pattern + " to MATCHING");
        }
        return value;
    }

    /** The document, then every broken version of it; and the same for each version with one property removed. */
    private static List<JsonNode> variants(JsonNode built) {
        List<JsonNode> out = new ArrayList<>();
        out.add(built);
        for (String path : paths(built, "")) {
            out.add(removed(built, path));
            for (JsonNode wrong : WRONG) {
                out.add(replaced(built, path, wrong));
            }
        }
        for (String path : paths(built, "")) {
            JsonNode without = removed(built, path);
            out.add(without);
            for (String inner : paths(without, "")) {
                out.add(replaced(without, inner, NODES.textNode("x")));
            }
        }
        for (String path : containers(built, "")) {
            JsonNode copy = built.deepCopy();
            JsonNode container = path.isEmpty() ? copy : copy.at(path);
            if (container instanceof ObjectNode object) {
                object.put("unexpected", "x");
            } else if (container instanceof ArrayNode array && !array.isEmpty()) {
                JsonNode first = array.get(0);
                JsonNode emptied = built.deepCopy();
                ((ArrayNode) (path.isEmpty() ? emptied : emptied.at(path))).removeAll();
                out.add(emptied);
                for (int i = 0; i < 60; i++) {
                    array.add(first.deepCopy());
                }
            }
            out.add(copy);
        }
        return out;
    }

    /** JSON pointers of every value below the root. */
    private static List<String> paths(JsonNode node, String at) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                out.add(at + "/" + name);
                out.addAll(paths(node.get(name), at + "/" + name));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(at + "/" + i);
                out.addAll(paths(node.get(i), at + "/" + i));
            }
        }
        return out;
    }

    private static List<String> containers(JsonNode node, String at) {
        List<String> out = new ArrayList<>();
        if (node.isContainerNode()) {
            out.add(at);
        }
        paths(node, at).stream().filter(p -> node.at(p.substring(at.length())).isContainerNode()).forEach(out::add);
        return out;
    }

    private static JsonNode removed(JsonNode document, String path) {
        JsonNode copy = document.deepCopy();
        JsonNode parent = copy.at(path.substring(0, path.lastIndexOf('/')));
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
        return copy;
    }

    private static JsonNode replaced(JsonNode document, String path, JsonNode value) {
        JsonNode copy = document.deepCopy();
        JsonNode parent = copy.at(path.substring(0, path.lastIndexOf('/')));
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
        return copy;
    }
}
