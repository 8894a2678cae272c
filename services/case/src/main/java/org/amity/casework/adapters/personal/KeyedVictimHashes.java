package org.amity.casework.adapters.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.casework.config.CaseConfig;
import org.amity.casework.domain.VictimMatchKeys;
import org.amity.contracts.EventCodec;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.personal.VictimDetails;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;

/**
 * Opens the victim's sealed part, normalises each identifier (e-mail, telephone, name with date of birth,
 * name with postcode) and hashes it with HMAC-SHA256 under the installation's secret. Only the hashes
 * leave this class; the plaintext is never stored, compared or logged. A name alone is not an identifier.
 */
@ApplicationScoped
public class KeyedVictimHashes implements VictimMatchKeys {

    static final String ALGORITHM = "HmacSHA256";

    @Inject
    PersonalDataCipher cipher;

    @Inject
    CaseConfig config;

    @ConfigProperty(name = "amity.keys.master-key")
    Optional<String> masterKey;

    private volatile SecretKeySpec secret;

    @Override
    public Set<String> of(String sealedPersonalData) {
        if (sealedPersonalData == null) {
            return Set.of();
        }
        EncryptedPersonalData[] parts = EventCodec.read(sealedPersonalData.getBytes(StandardCharsets.UTF_8),
                EncryptedPersonalData[].class);
        Set<String> keys = new LinkedHashSet<>();
        for (EncryptedPersonalData part : parts) {
            if (VictimDetails.ROLE.equals(part.subjectRole())) {
                victim(part).ifPresent(v -> identifiers(v).forEach(id -> keys.add(hash(id))));
            }
        }
        return keys;
    }

    private Optional<VictimDetails> victim(EncryptedPersonalData part) {
        try {
            return cipher.open(part).map(b -> EventCodec.read(b, VictimDetails.class));
        } catch (IllegalArgumentException e) {
            // no subject id in the log: it names a person to whoever holds the key store
            Log.warn("a victim part does not open (its key destroyed, or sealed under another master key): no match keys");
            return Optional.empty();
        }
    }

    /** The normalised identifiers of a victim, each prefixed with its kind. */
    static List<String> identifiers(VictimDetails v) {
        List<String> ids = new ArrayList<>(4);
        String email = v.email() == null ? "" : v.email().trim().toLowerCase(java.util.Locale.ROOT);
        if (!email.isEmpty()) {
            ids.add("email:" + email);
        }
        String phone = phone(v.phone());
        if (!phone.isEmpty()) {
            ids.add("phone:" + phone);
        }
        String name = name(v.name());
        if (!name.isEmpty() && v.dateOfBirth() != null) {
            ids.add("name-dob:" + name + "|" + v.dateOfBirth());
        }
        String postcode = v.address() == null ? "" : postcode(v.address().postcode());
        if (!name.isEmpty() && !postcode.isEmpty()) {
            ids.add("name-postcode:" + name + "|" + postcode);
        }
        return ids;
    }

    /** Digits only, UK numbers in national form: +44 7700 900123, 0044 7700900123 and 07700-900123 are one number. */
    static String phone(String raw) {
        String digits = raw == null ? "" : raw.replaceAll("[^0-9]", "");
        if (digits.startsWith("0044")) {
            digits = "0" + digits.substring(4);
        } else if (digits.startsWith("44") && digits.length() == 12) {
            digits = "0" + digits.substring(2);
        }
        return digits;
    }

    /** Lower case, accents and punctuation dropped, single spaces: "  O'Brien,  Zoë " is "obrien zoe". */
    static String name(String raw) {
        if (raw == null) {
            return "";
        }
        String plain = Normalizer.normalize(raw, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").trim().replaceAll("\\s+", " ");
    }

    static String postcode(String raw) {
        return raw == null ? "" : raw.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
    }

    String hash(String identifier) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret());
            return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private SecretKeySpec secret() {
        if (secret == null) {
            byte[] raw = config.matching().secret().map(b -> Base64.getDecoder().decode(b.trim()))
                    .orElseGet(this::derivedFromMasterKey);
            if (raw.length < 32) {
                throw new IllegalStateException("amity.case.matching.secret must be at least 32 bytes (base64)");
            }
            secret = new SecretKeySpec(raw, ALGORITHM);
        }
        return secret;
    }

    /** HMAC(master key, purpose): a secret of the installation's own, never the master key itself. */
    private byte[] derivedFromMasterKey() {
        String master = masterKey.orElseThrow(() -> new IllegalStateException(
                "set amity.case.matching.secret (env AMITY_CASE_MATCHING_SECRET) or amity.keys.master-key"));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(master.trim()), ALGORITHM));
            return mac.doFinal("amity-case-victim-matching-v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
