package org.amity.intake.adapters.rest.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.amity.common.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * Completes the generated OpenAPI document with what the annotations do not say, so that it passes
 * Spectral's {@code spectral:oas} and OWASP API Security Top 10 rulesets (the build lints it, see
 * {@code deploy/ci/lint-openapi.sh}). It works on any operation, present or future:
 * <ul>
 * <li>every operation gets the problem responses the service really sends ({@code application/problem+json},
 * see {@code ProblemMappers}): 400, 401 and 403 when secured, 404 when the path names a resource, 413 and
 * 415 when it takes a body, 429 and 500; 2xx and 4xx responses declare the rate-limit headers;</li>
 * <li>the bearer JWT security scheme, global security and the servers are declared;</li>
 * <li>every schema gets bounds: strings a {@code maxLength}, arrays a {@code maxItems}, integers a format,
 * {@code minimum} and {@code maximum}. A bound declared by bean validation somewhere in the document for a
 * property or parameter of the same name (request and response records share names; {@code page} and
 * {@code size} of a page come from the list parameters' {@code @Min}/{@code @Max}) is reused; otherwise a
 * default that is at least what the service accepts. Plain-alternative patterns ({@code a|b}) become
 * enumerations.</li>
 * </ul>
 * It never weakens what the annotations declared. Registered with {@code mp.openapi.filter}; runs at build time.
 */
public class IntakeOpenApiFilter implements OASFilter {

    /** Largest page {@code GET} lists return (the {@code size} parameter's {@code @Max}). */
    static final int MAX_PAGE_SIZE = 100;
    /** Largest number of items any request or response array holds: a batch of reports. */
    static final int MAX_BATCH_SIZE = 500;
    /** Field errors one problem can list: every field of every report of a full batch is bounded by this. */
    static final int MAX_FIELD_ERRORS = 10_000;
    /** Strings that bean validation does not bound: codes, statuses and identifiers, all far shorter. */
    static final int DEFAULT_MAX_LENGTH = 255;

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "ProblemFieldError";
    static final String SECURITY_SCHEME = "bearer";
    static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    static final String RATE_LIMIT_RESET = "RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";
    static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";
    private static final String HEADERS = "#/components/headers/";
    /** A bean validation {@code @Pattern} of plain alternatives ({@code a|b|c}, {@code ^(a|b|c)$}): an enumeration. */
    private static final Pattern LITERAL_ALTERNATIVES =
            Pattern.compile("\\^?\\(?([A-Za-z0-9_-]+(?:\\|[A-Za-z0-9_-]+)*)\\)?\\$?");
    /** A pattern that bounds the length itself: {@code ^[A-Za-z0-9_.:-]{1,100}$}. */
    private static final Pattern BOUNDED_PATTERN = Pattern.compile("\\^(?:\\[[^\\]]+\\]|\\\\.|.)\\{\\d+,(\\d+)\\}\\$");
    /** Parameters named {@code id}, {@code X-Correlation-Id}, {@code incidentId}...: UUIDs throughout Amity. */
    private static final Pattern IDENTIFIER_NAME = Pattern.compile("^(?:[Ii][Dd]|.*[-_][Ii][Dd]|.*[a-z]Id)$");

    /** The standard problem responses, by status, in the order they are documented. */
    private enum ProblemResponse {
        BAD_REQUEST("400", "BadRequest", "The request is invalid: malformed JSON, an unknown field, or a field that"
                + " breaks a rule. `errors` names each invalid field by JSON path and says what is wrong with it."),
        UNAUTHENTICATED("401", "Unauthenticated", "No valid bearer token was sent."),
        FORBIDDEN("403", "Forbidden", "The caller's organisation or role does not allow this."),
        NOT_FOUND("404", "NotFound", "No such resource is visible to the caller's organisation."),
        BODY_TOO_LARGE("413", "BodyTooLarge", "The body is larger than the service accepts."),
        UNSUPPORTED_MEDIA_TYPE("415", "UnsupportedMediaType", "The body is not `application/json`."),
        TOO_MANY_REQUESTS("429", "TooManyRequests", "Too many requests: wait for `Retry-After` seconds, then retry."),
        INTERNAL_ERROR("500", "InternalError", "Something went wrong on the service's side. `detail` carries a"
                + " reference to quote; nothing about the request is echoed back.");

        final String status;
        final String component;
        final String description;

        ProblemResponse(String status, String component, String description) {
            this.status = status;
            this.component = component;
            this.description = description;
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        Components components = openApi.getComponents();
        declareServers(openApi);
        List<Operation> anonymous = anonymousOperations(openApi);
        declareSecurity(openApi, components);
        // global security now applies to every operation that does not say otherwise: say it for the open ones
        anonymous.forEach(operation -> operation.setSecurity(new ArrayList<>()));
        declareProblem(components);
        declareHeaders(components);
        if (openApi.getPaths() != null && openApi.getPaths().getPathItems() != null) {
            Set<ProblemResponse> used = new LinkedHashSet<>();
            openApi.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach(
                    operation -> completeResponses(openApi, path, item, operation, used)));
            for (ProblemResponse response : used) {
                components.addResponse(response.component, problemResponse(response));
            }
            closeRequestBodies(openApi, components);
        }
        new SchemaBounds(openApi).apply();
    }

    // ---------------------------------------------------------------- servers and security

    private static void declareServers(OpenAPI openApi) {
        Server here = OASFactory.createServer().url("/")
                .description("Local development or any installation: the host this document is served from"
                        + " (http://localhost:8081 when run locally; behind TLS in production).");
        here.addExtension("x-internal", false);
        Server production = OASFactory.createServer().url("https://intake.amity.example")
                .description("Production (example host name: each installation serves the API under its own, over TLS).");
        production.addExtension("x-internal", false);
        openApi.setServers(new ArrayList<>(List.of(here, production)));
    }

    /**
     * Operations open to anonymous callers. Quarkus gives every {@code @RolesAllowed} or {@code @Authenticated}
     * operation a security requirement, so with no global security, one without a requirement is open
     * ({@code @PermitAll} or no annotation). The lint then fails on any open write operation that the ruleset
     * does not explicitly allow (deploy/ci/spectral.yaml).
     */
    private static List<Operation> anonymousOperations(OpenAPI openApi) {
        if (openApi.getSecurity() != null && !openApi.getSecurity().isEmpty() || openApi.getPaths() == null
                || openApi.getPaths().getPathItems() == null) {
            return List.of();
        }
        return openApi.getPaths().getPathItems().values().stream().flatMap(item -> operations(item).stream())
                .filter(operation -> operation.getSecurity() == null).toList();
    }

    private static void declareSecurity(OpenAPI openApi, Components components) {
        SecurityScheme scheme = components.getSecuritySchemes() == null ? null
                : components.getSecuritySchemes().get(SECURITY_SCHEME);
        if (scheme == null) {
            scheme = OASFactory.createSecurityScheme();
            components.addSecurityScheme(SECURITY_SCHEME, scheme);
        }
        scheme.type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token from the platform's identity provider (Keycloak realm `amity`): a JWS"
                        + " signed with RS256, audience `amity-intake`, carrying the caller's organisation and roles."
                        + " Tokens are short-lived and validated as RFC8725 (JSON Web Token Best Current Practices)"
                        + " recommends: the algorithm is pinned (never `none`), and issuer, audience, expiry and"
                        + " signature are checked against the realm's published keys.");
        if (openApi.getSecurity() == null || openApi.getSecurity().isEmpty()) {
            openApi.setSecurity(new ArrayList<>(List.of(
                    OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME))));
        }
    }

    // ---------------------------------------------------------------- problem responses

    private static void declareProblem(Components components) {
        if (components.getSchemas() != null && components.getSchemas().containsKey(PROBLEM)) {
            return;
        }
        components.addSchema(FIELD_ERROR, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One invalid field.")
                .addProperty("field", string(512).pattern("^\\$")
                        .description("JSON path of the field, for example `$.victim.email`.").addExample("$.victim.email"))
                .addProperty("message", string(500).description("What is wrong with it (never the value sent)."))
                .required(List.of("field", "message")));
        components.addSchema(PROBLEM, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem details body, served as `" + Problem.MEDIA_TYPE + "`. Bodies never"
                        + " hold a stack trace or any value the request sent.")
                .addProperty("type", string(2048).format("uri")
                        .description("Stable URI of the kind of problem: branch on it.")
                        .addExample(Problem.type("validation").toString()))
                .addProperty("title", string(200).description("Short summary of the kind of problem.")
                        .addExample("Invalid request"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599))
                        .description("The HTTP status code.").addExample(400))
                .addProperty("detail", string(2000).description("What went wrong, for a person to read."))
                .addProperty("instance", string(2048).format("uri-reference")
                        .description("The path that was requested.").addExample("/api/v1/incidents"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).maxItems(MAX_FIELD_ERRORS)
                        .description("The invalid fields, when the request broke field rules.")
                        .items(OASFactory.createSchema().ref(SCHEMAS + FIELD_ERROR)))
                .required(List.of("type", "title", "status")));
    }

    private static void declareHeaders(Components components) {
        components.addHeader(RATE_LIMIT_LIMIT, header("Requests the caller may make in the current window.", 0, 1_000_000));
        components.addHeader(RATE_LIMIT_REMAINING, header("Requests left in the current window.", 0, 1_000_000));
        components.addHeader(RATE_LIMIT_RESET, header("Seconds until the current window resets.", 0, 86_400));
        components.addHeader(RETRY_AFTER, header("Seconds to wait before retrying.", 0, 86_400));
        components.addHeader(WWW_AUTHENTICATE, OASFactory.createHeader()
                .description("The authentication scheme to use: `Bearer`.")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING).maxLength(200).addEnumeration("Bearer")));
    }

    private static Header header(String description, long minimum, long maximum) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema()
                .addType(SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.valueOf(minimum)).maximum(BigDecimal.valueOf(maximum)));
    }

    private static APIResponse problemResponse(ProblemResponse response) {
        APIResponse api = OASFactory.createAPIResponse().description(response.description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM))));
        if (response.status.startsWith("4")) {
            addRateLimitHeaders(api);
        }
        if (response == ProblemResponse.TOO_MANY_REQUESTS) {
            api.addHeader(RETRY_AFTER, headerRef(RETRY_AFTER));
        }
        if (response == ProblemResponse.UNAUTHENTICATED) {
            api.addHeader(WWW_AUTHENTICATE, headerRef(WWW_AUTHENTICATE));
        }
        return api;
    }

    private static void completeResponses(OpenAPI openApi, String path, PathItem item, Operation operation,
            Set<ProblemResponse> used) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean hasInput = operation.getRequestBody() != null || !parameters(item, operation).isEmpty();
        boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty()
                : openApi.getSecurity() != null && !openApi.getSecurity().isEmpty();
        Map<ProblemResponse, Boolean> applies = new LinkedHashMap<>();
        applies.put(ProblemResponse.BAD_REQUEST, hasInput);
        applies.put(ProblemResponse.UNAUTHENTICATED, secured);
        applies.put(ProblemResponse.FORBIDDEN, secured);
        applies.put(ProblemResponse.NOT_FOUND, path.contains("{"));
        applies.put(ProblemResponse.BODY_TOO_LARGE, operation.getRequestBody() != null);
        applies.put(ProblemResponse.UNSUPPORTED_MEDIA_TYPE, operation.getRequestBody() != null);
        applies.put(ProblemResponse.TOO_MANY_REQUESTS, true);
        applies.put(ProblemResponse.INTERNAL_ERROR, true);
        for (Map.Entry<ProblemResponse, Boolean> entry : applies.entrySet()) {
            ProblemResponse problem = entry.getKey();
            APIResponse existing = responses.getAPIResponse(problem.status);
            if (existing == null && !entry.getValue()) {
                continue;
            }
            if (existing == null || existing.getRef() == null && isEmpty(existing.getContent())) {
                // nothing, or only a generated description ("Bad Request"): the service answers with a problem
                responses.addAPIResponse(problem.status, OASFactory.createAPIResponse().ref(RESPONSES + problem.component));
                used.add(problem);
            }
        }
        Map<String, APIResponse> byStatus = new TreeMap<>(
                responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses());
        byStatus.forEach((status, response) -> {
            if (response.getRef() != null) {
                return;
            }
            if ((status.startsWith("4") || status.startsWith("5")) && isEmpty(response.getContent())) {
                // declared with a description only (say, a 409): every failure is answered with a problem
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM))));
            }
            if (status.startsWith("2") || status.startsWith("4")) {
                addRateLimitHeaders(response);
            }
        });
        responses.setAPIResponses(new LinkedHashMap<>(byStatus));
    }

    private static void addRateLimitHeaders(APIResponse response) {
        for (String name : List.of(RATE_LIMIT_LIMIT, RATE_LIMIT_REMAINING, RATE_LIMIT_RESET)) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeader(name, headerRef(name));
            }
        }
    }

    private static Header headerRef(String name) {
        return OASFactory.createHeader().ref(HEADERS + name);
    }

    // ---------------------------------------------------------------- request bodies

    /**
     * Unknown fields are rejected ({@code quarkus.jackson.fail-on-unknown-properties=true}): say so on every object
     * a request body holds, which also keeps mass assignment out of the contract.
     */
    private static void closeRequestBodies(OpenAPI openApi, Components components) {
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Consumer<Schema> close = new Consumer<>() {
            @Override
            public void accept(Schema schema) {
                if (schema == null || !seen.add(schema)) {
                    return;
                }
                if (schema.getRef() != null) {
                    accept(target(components, schema.getRef()));
                }
                if (hasType(schema, SchemaType.OBJECT) && schema.getProperties() != null
                        && schema.getAdditionalPropertiesSchema() == null && schema.getAdditionalPropertiesBoolean() == null) {
                    schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
                }
                SchemaBounds.children(schema).forEach(this);
            }
        };
        openApi.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().getMediaTypes() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values()
                        .forEach(media -> close.accept(media.getSchema()));
            }
        }));
    }

    // ---------------------------------------------------------------- schema bounds

    /** Walks every schema of the document and bounds what is unbounded. */
    static final class SchemaBounds {

        private final OpenAPI openApi;
        private final Components components;
        /** Every schema with the name it has in its parent (property, parameter or header name), or null. */
        private final Map<Schema, String> names = new IdentityHashMap<>();
        /** Every schema's enclosing component schema name, when it has one. */
        private final Map<Schema, String> owners = new IdentityHashMap<>();
        private final Map<String, Known> known = new LinkedHashMap<>();
        private final Set<Schema> parameterSchemas = Collections.newSetFromMap(new IdentityHashMap<>());

        SchemaBounds(OpenAPI openApi) {
            this.openApi = openApi;
            this.components = openApi.getComponents();
        }

        void apply() {
            collect();
            names.keySet().forEach(this::restrict);
            names.forEach((schema, name) -> {
                if (name != null) {
                    known.computeIfAbsent(name, n -> new Known()).learn(schema);
                    // responses flatten: `perpetrator: {description}` is read back as `perpetratorDescription`
                    Schema target = schema.getRef() == null ? null : target(components, schema.getRef());
                    if (target != null && target.getProperties() != null) {
                        target.getProperties().forEach((property, child) -> known.computeIfAbsent(
                                name + Character.toUpperCase(property.charAt(0)) + property.substring(1),
                                n -> new Known()).learn(child));
                    }
                }
            });
            names.forEach(this::bound);
        }

        private void collect() {
            if (components.getSchemas() != null) {
                components.getSchemas().forEach((name, schema) -> visit(schema, null, name));
            }
            if (components.getHeaders() != null) {
                components.getHeaders().forEach((name, header) -> visit(header.getSchema(), name, null));
            }
            if (components.getParameters() != null) {
                components.getParameters().forEach((key, parameter) -> visit(parameter.getSchema(), parameter.getName(), null));
            }
            if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
                return;
            }
            openApi.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach(operation -> {
                parameters(item, operation).forEach(parameter -> {
                    visit(parameter.getSchema(), parameter.getName(), null);
                    if (parameter.getSchema() != null) {
                        parameterSchemas.add(parameter.getSchema());
                    }
                });
                if (operation.getRequestBody() != null) {
                    visitContent(operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(response -> {
                        visitContent(response.getContent());
                        if (response.getHeaders() != null) {
                            response.getHeaders().forEach((name, header) -> visit(header.getSchema(), name, null));
                        }
                    });
                }
            }));
        }

        private void visitContent(Content content) {
            if (content != null && content.getMediaTypes() != null) {
                content.getMediaTypes().values().stream().map(MediaType::getSchema).forEach(s -> visit(s, null, null));
            }
        }

        private void visit(Schema schema, String name, String owner) {
            if (schema == null || names.containsKey(schema)) {
                return;
            }
            names.put(schema, name);
            if (owner != null) {
                owners.put(schema, owner);
            }
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((property, child) -> visit(child, property, owner));
            }
            if (schema.getItems() != null) {
                // the items of `incidentTypes` are known as `incidentTypes[]` wherever they appear
                visit(schema.getItems(), name == null ? null : name + "[]", owner);
            }
            children(schema).forEach(child -> visit(child, null, owner));
        }

        static List<Schema> children(Schema schema) {
            List<Schema> children = new ArrayList<>();
            if (schema.getProperties() != null) {
                children.addAll(schema.getProperties().values());
            }
            children.add(schema.getItems());
            children.add(schema.getAdditionalPropertiesSchema());
            children.add(schema.getNot());
            for (List<Schema> list : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()),
                    nonNull(schema.getOneOf()), nonNull(schema.getPrefixItems()))) {
                children.addAll(list);
            }
            children.removeIf(Objects::isNull);
            return children;
        }

        /** Restrictions that follow from the schema alone: enumerations, formats, redundant types. */
        private void restrict(Schema schema) {
            String name = names.get(schema);
            if (schema.getRef() != null) {
                // smallrye writes `type: string` beside `$ref` when a property has a description: the target says it
                Schema target = target(components, schema.getRef());
                if (target != null && schema.getType() != null && schema.getType().equals(target.getType())) {
                    schema.setType(null);
                }
                return;
            }
            if (!hasType(schema, SchemaType.STRING)) {
                return;
            }
            // bean validation patterns match whole values; `a|b|c` is an enumeration
            Matcher alternatives = schema.getPattern() == null ? null : LITERAL_ALTERNATIVES.matcher(schema.getPattern());
            if (alternatives != null && alternatives.matches()) {
                if (schema.getEnumeration() == null) {
                    schema.setEnumeration(new ArrayList<>(List.of((Object[]) alternatives.group(1).split("\\|"))));
                }
                schema.setPattern("^(" + alternatives.group(1) + ")$");
            }
            Matcher bounded = schema.getPattern() == null ? null : BOUNDED_PATTERN.matcher(schema.getPattern());
            if (bounded != null && bounded.matches() && schema.getMaxLength() == null) {
                schema.setMaxLength(Integer.valueOf(bounded.group(1)));
            }
            if (schema.getFormat() == null && name != null) {
                if (name.equalsIgnoreCase("email")) {
                    schema.setFormat("email");
                } else if (parameterSchemas.contains(schema) && IDENTIFIER_NAME.matcher(name).matches()
                        && schema.getPattern() == null
                        && schema.getEnumeration() == null) {
                    schema.setFormat("uuid");
                }
            }
        }

        private void bound(Schema schema, String name) {
            if (schema.getRef() != null && schema.getType() == null) {
                return;
            }
            Known same = name == null ? null : known.get(name);
            if (hasType(schema, SchemaType.STRING)) {
                if (schema.getFormat() == null && schema.getPattern() == null && schema.getEnumeration() == null
                        && same != null) {
                    same.restrict(schema);
                }
                if (schema.getMaxLength() == null && schema.getEnumeration() == null && schema.getConstValue() == null) {
                    schema.setMaxLength(same != null && same.maxLength != null ? same.maxLength : maxLength(schema.getFormat()));
                }
            }
            if (hasType(schema, SchemaType.ARRAY)) {
                if (schema.getMaxItems() == null) {
                    schema.setMaxItems(same != null && same.maxItems != null ? same.maxItems : maxItems(schema, name));
                }
            }
            if (hasType(schema, SchemaType.INTEGER)) {
                if (schema.getFormat() == null) {
                    schema.setFormat("int64");
                }
                boolean int32 = "int32".equals(schema.getFormat());
                if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                    // every integer of this API counts or numbers something
                    schema.setMinimum(same != null && same.minimum != null ? same.minimum : BigDecimal.ZERO);
                }
                if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                    schema.setMaximum(same != null && same.maximum != null ? same.maximum
                            : BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
                }
            }
        }

        private int maxItems(Schema schema, String name) {
            String owner = owners.get(schema);
            if ("items".equals(name) && owner != null && owner.startsWith("PageResponse")) {
                return MAX_PAGE_SIZE;
            }
            return MAX_BATCH_SIZE;
        }

        private static int maxLength(String format) {
            if (format == null) {
                return DEFAULT_MAX_LENGTH;
            }
            return switch (format) {
                case "uuid" -> 36;
                case "date" -> 10;
                case "date-time", "time" -> 64;
                case "email" -> 254;
                case "uri", "uri-reference", "url" -> 2048;
                default -> DEFAULT_MAX_LENGTH;
            };
        }
    }

    /** What the document declares about every schema of one name; restrictions only when they all agree. */
    private static final class Known {
        Integer maxLength;
        Integer maxItems;
        BigDecimal minimum;
        BigDecimal maximum;
        final Set<String> formats = new LinkedHashSet<>();
        final Set<String> patterns = new LinkedHashSet<>();
        final Set<List<Object>> enumerations = new LinkedHashSet<>();
        int restricted;

        void learn(Schema schema) {
            if (schema.getRef() != null && schema.getType() == null) {
                return;
            }
            if (hasType(schema, SchemaType.STRING)) {
                if (schema.getMaxLength() != null) {
                    maxLength = maxLength == null ? schema.getMaxLength() : Math.max(maxLength, schema.getMaxLength());
                }
                if (schema.getFormat() != null || schema.getPattern() != null || schema.getEnumeration() != null) {
                    restricted++;
                    add(formats, schema.getFormat());
                    add(patterns, schema.getPattern());
                    if (schema.getEnumeration() != null) {
                        enumerations.add(List.copyOf(schema.getEnumeration()));
                    }
                }
            }
            if (hasType(schema, SchemaType.ARRAY) && schema.getMaxItems() != null) {
                maxItems = maxItems == null ? schema.getMaxItems() : Math.max(maxItems, schema.getMaxItems());
            }
            if (hasType(schema, SchemaType.INTEGER)) {
                if (schema.getMinimum() != null) {
                    minimum = minimum == null ? schema.getMinimum() : minimum.min(schema.getMinimum());
                }
                if (schema.getMaximum() != null) {
                    maximum = maximum == null ? schema.getMaximum() : maximum.max(schema.getMaximum());
                }
            }
        }

        /** Copies the format, pattern and enumeration every restricted string of this name shares. */
        void restrict(Schema schema) {
            if (restricted == 0 || formats.size() > 1 || patterns.size() > 1 || enumerations.size() > 1) {
                return;
            }
            formats.stream().findFirst().ifPresent(schema::setFormat);
            patterns.stream().findFirst().ifPresent(schema::setPattern);
            enumerations.stream().findFirst().ifPresent(e -> schema.setEnumeration(new ArrayList<>(e)));
        }

        private static void add(Set<String> set, String value) {
            if (value != null) {
                set.add(value);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<Operation> operations(PathItem item) {
        return item.getOperations() == null ? List.of() : new ArrayList<>(item.getOperations().values());
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> all = new ArrayList<>(nonNull(item.getParameters()));
        all.addAll(nonNull(operation.getParameters()));
        return all;
    }

    private static Schema target(Components components, String ref) {
        if (components == null || components.getSchemas() == null || !ref.startsWith(SCHEMAS)) {
            return null;
        }
        return components.getSchemas().get(ref.substring(SCHEMAS.length()));
    }

    private static boolean hasType(Schema schema, SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }

    private static boolean isEmpty(Content content) {
        return content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty();
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(SchemaType.STRING).maxLength(maxLength);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
