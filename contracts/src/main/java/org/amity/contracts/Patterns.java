package org.amity.contracts;

import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The test of a schema's {@code pattern}, with ECMA-262's meaning of {@code $} (the end of the string; Java's {@code $}
 * also accepts a line break before the end, so {@code "anti-muslim\n"} would pass for a code). The patterns that
 * nearly every event uses (a code, a UUID, a date, an instant, and the envelope's event type and aggregate id) are
 * matched by hand: they were most of the time a schema check took. {@code PatternsTest} holds each to its regular
 * expression.
 */
final class Patterns {

    static final String CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    static final String INSTANT = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$";
    static final String EVENT_TYPE = "^[A-Z][A-Za-z]{2,63}$";
    static final String AGGREGATE_ID = "^[A-Za-z0-9-]+$";

    private static final Map<String, Predicate<String>> BY_HAND = Map.of(
            CODE, Patterns::isCode,
            UUID, Patterns::isUuid,
            DATE, Patterns::isDate,
            INSTANT, Patterns::isInstant,
            EVENT_TYPE, Patterns::isEventType,
            AGGREGATE_ID, Patterns::isAggregateId);

    /** A test of the pattern: by hand when it is one of those above, else the regular expression. */
    static Predicate<String> matcher(String regex) {
        Predicate<String> byHand = BY_HAND.get(regex);
        return byHand != null ? byHand : regularExpression(regex);
    }

    /** The regular expression, searched for anywhere in the string (as JSON Schema does), {@code $} ending the string. */
    static Predicate<String> regularExpression(String regex) {
        boolean endAnchored = regex.endsWith("$") && !regex.endsWith("\\$");
        Pattern pattern = Pattern.compile(endAnchored ? regex.substring(0, regex.length() - 1) + "\\z" : regex);
        return s -> pattern.matcher(s).find();
    }

    static boolean isCode(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == '-' || s.charAt(n - 1) == '-') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '-') {
                if (s.charAt(i - 1) == '-') {
                    return false;
                }
            } else if (!lowerOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean isDate(String s) {
        return s.length() == 10 && isDateAt(s);
    }

    static boolean isInstant(String s) {
        int n = s.length();
        if ((n != 20 && (n < 22 || n > 30)) || !isDateAt(s) || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return false;
        }
        if (!digits(s, 11, 13) || !digits(s, 14, 16) || !digits(s, 17, 19)) {
            return false;
        }
        return n == 20 || s.charAt(19) == '.' && digits(s, 20, n - 1);
    }

    /** An upper-case letter, then 2 to 63 letters. */
    static boolean isEventType(String s) {
        int n = s.length();
        if (n < 3 || n > 64 || !upper(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!upper(c) && !(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** One or more letters, digits and hyphens. */
    static boolean isAggregateId(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!lowerOrDigit(c) && !upper(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code yyyy-mm-dd} at the start of the string (its length checked by the caller). */
    private static boolean isDateAt(String s) {
        return digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 7) && s.charAt(7) == '-' && digits(s, 8, 10);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean lowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private Patterns() {
    }
}
