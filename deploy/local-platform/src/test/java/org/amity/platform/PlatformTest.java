package org.amity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.amity.platform.internal.Databases;
import org.amity.platform.testing.AmityInfrastructureResource;
import org.amity.platform.testing.Tokens;
import org.amity.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The real infrastructure of {@link Infrastructure#forTests()}: realm claims, databases, Kafka. */
class PlatformTest {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final List<String> AUDIENCES = List.of("amity-intake", "amity-case", "amity-sharing", "amity-analytics");
    private static final List<String> AMITY_ROLES = List.of("incident-reporter", "case-worker", "referral-handler",
            "agreement-admin", "analyst", "data-protection-officer");

    @ParameterizedTest(name = "{0}-api")
    @CsvSource(delimiter = '|', value = {
            "west-kent-housing     | incident-reporter case-worker",
            "kent-police           | incident-reporter case-worker referral-handler",
            "tell-mama             | incident-reporter referral-handler",
            "cst                   | incident-reporter referral-handler",
            "stop-hate-uk          | incident-reporter referral-handler",
            "galop                 | referral-handler",
            "victim-support-kent   | referral-handler",
            "kent-community-safety | analyst" })
    void machineClientTokenCarriesSubRolesOrganisationAndAllAudiences(String alias, String roles) {
        JsonNode claims = claims(Tokens.clientToken(alias));
        assertCommonClaims(claims);
        assertThat(claims.path("azp").asText()).isEqualTo(alias + "-api");
        assertThat(texts(claims.path("organization"))).containsExactly(alias);
        assertThat(amityRoles(claims)).containsExactlyInAnyOrder(roles.trim().split(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "officer@kent-police           | kent-police           | case-worker referral-handler",
            "dpo@kent-police               | kent-police           | data-protection-officer",
            "admin@kent-police             | kent-police           | agreement-admin",
            "officer@west-kent-housing     | west-kent-housing     | incident-reporter case-worker",
            "analyst@kent-community-safety | kent-community-safety | analyst",
            "caseworker@tell-mama          | tell-mama             | incident-reporter referral-handler",
            "caseworker@galop              | galop                 | referral-handler" })
    void demoUserTokenCarriesRolesAndOrganisation(String user, String alias, String roles) {
        JsonNode claims = claims(Tokens.userToken(user));
        assertCommonClaims(claims);
        assertThat(claims.path("preferred_username").asText()).isEqualTo(user);
        assertThat(texts(claims.path("organization"))).containsExactly(alias);
        assertThat(amityRoles(claims)).containsExactlyInAnyOrder(roles.trim().split(" "));
    }

    @Test
    void tokensAreCachedPerClient() {
        assertThat(Tokens.clientToken("cst")).isSameAs(Tokens.clientToken("cst"));
        assertThat(Tokens.clientToken("cst")).isNotEqualTo(Tokens.clientToken("galop"));
    }

    @Test
    void testResourceEnsuresDatabasesAndReturnsConfig() throws Exception {
        AmityInfrastructureResource resource = new AmityInfrastructureResource();
        resource.init(Map.of("database", "platform_test"));
        Map<String, String> config = resource.start();
        resource.start(); // idempotent

        assertThat(config).containsEntry("quarkus.datasource.jdbc.url", INFRA.postgresJdbcUrl("platform_test"))
                .containsEntry("quarkus.datasource.username", "platform_test")
                .containsEntry("quarkus.datasource.password", "platform_test")
                .containsEntry("quarkus.datasource.keys.jdbc.url", INFRA.postgresJdbcUrl("amity_keys"))
                .containsEntry("quarkus.datasource.keys.username", "amity_keys")
                .containsEntry("quarkus.datasource.keys.password", "amity_keys")
                .containsEntry("kafka.bootstrap.servers", INFRA.kafkaBootstrapServers())
                .containsEntry("quarkus.oidc.auth-server-url", INFRA.realmUrl());
        for (String prefix : List.of("quarkus.datasource.", "quarkus.datasource.keys.")) {
            try (Connection c = Databases.connect(config.get(prefix + "jdbc.url"), config.get(prefix + "username"),
                    config.get(prefix + "password")); Statement s = c.createStatement()) {
                String table = "t_" + UUID.randomUUID().toString().replace("-", "");
                s.execute("CREATE TABLE " + table + " (id int primary key)"); // the owner may create tables
                s.execute("DROP TABLE " + table);
            }
        }
    }

    @Test
    void kafkaCreatesTopicsWithThreePartitionsAndDelivers() throws Exception {
        String topic = "platform-test-" + UUID.randomUUID();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "hello")).get();
            assertThat(producer.partitionsFor(topic)).hasSize(3);
        }
        ConsumerRecord<String, String> read = TopicReader.await(INFRA.kafkaBootstrapServers(), topic,
                r -> "hello".equals(r.value()), Duration.ofSeconds(30));
        assertThat(read.key()).isEqualTo("key");
    }

    private static void assertCommonClaims(JsonNode claims) {
        assertThat(claims.path("iss").asText()).isEqualTo(INFRA.realmUrl());
        assertThat(claims.path("sub").asText()).isNotBlank();
        assertThat(texts(claims.path("aud"))).containsAll(AUDIENCES);
    }

    private static List<String> amityRoles(JsonNode claims) {
        return texts(claims.path("realm_access").path("roles")).stream().filter(AMITY_ROLES::contains).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode claims(String jwt) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
            return new ObjectMapper().readTree(payload);
        } catch (Exception e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }
}
