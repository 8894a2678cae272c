package org.amity.analytics.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistics period of whole months, [from, to): a calendar month ({@code 2024-05}), a financial year April to
 * March ({@code FY2017-18}), a quarter of one ({@code FY2017-18-Q1} is April to June) or the twelve months to a
 * month ({@code R12-2024-05}, May 2023 to May 2024 inclusive).
 */
public record Period(String label, YearMonth from, YearMonth to) {

    public static final int EARLIEST_YEAR = 1900;
    public static final int LATEST_YEAR = 2200;

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("FY(\\d{4})-(\\d{2})(?:-Q([1-4]))?");
    private static final Pattern ROLLING = Pattern.compile("R12-(\\d{4}-\\d{2})");

    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Matcher m = MONTH.matcher(text);
            if (m.matches()) {
                return inRange(month(YearMonth.parse(text)));
            }
            m = FINANCIAL_YEAR.matcher(text);
            if (m.matches()) {
                int start = Integer.parseInt(m.group(1));
                if ((start + 1) % 100 != Integer.parseInt(m.group(2))) {
                    return Optional.empty();
                }
                Period year = financialYear(start);
                return inRange(m.group(3) == null ? year : year.quarter(Integer.parseInt(m.group(3))));
            }
            m = ROLLING.matcher(text);
            if (m.matches()) {
                return inRange(rollingYearTo(YearMonth.parse(m.group(1))));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Period> inRange(Period p) {
        return p.from.getYear() >= EARLIEST_YEAR && p.to.getYear() <= LATEST_YEAR ? Optional.of(p) : Optional.empty();
    }

    public static Period month(YearMonth month) {
        return new Period(month.toString(), month, month.plusMonths(1));
    }

    /** The financial year that starts in April of {@code startYear}. */
    public static Period financialYear(int startYear) {
        return new Period("FY%d-%02d".formatted(startYear, (startYear + 1) % 100), YearMonth.of(startYear, 4),
                YearMonth.of(startYear + 1, 4));
    }

    /** The financial year a month falls in. */
    public static Period financialYearOf(YearMonth month) {
        return financialYear(month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1);
    }

    /** The twelve months ending with (and including) {@code last}. */
    public static Period rollingYearTo(YearMonth last) {
        return new Period("R12-" + last, last.minusMonths(11), last.plusMonths(1));
    }

    /** Quarter 1 to 4 of this financial year (Q1 is April to June). */
    public Period quarter(int q) {
        YearMonth start = from.plusMonths(3L * (q - 1));
        return new Period(label + "-Q" + q, start, start.plusMonths(3));
    }

    /** The period of the same length just before this one. */
    public Period previous() {
        long months = from.until(to, java.time.temporal.ChronoUnit.MONTHS);
        return new Period("previous " + label, from.minusMonths(months), from);
    }

    public LocalDate firstDay() {
        return from.atDay(1);
    }

    /** The first day after the period. */
    public LocalDate endDay() {
        return to.atDay(1);
    }

    /** Whole calendar quarters: from the first day of the first to the first day after the last. */
    public record Quarters(LocalDate firstDay, LocalDate endDay) {
    }

    /**
     * The calendar quarters (January, April, July, October) wholly inside the period; none (both days the period's
     * first day) when there is none. The period is then the months before them, the quarters, and the months after.
     */
    public Quarters wholeQuarters() {
        YearMonth first = from;
        while ((first.getMonthValue() - 1) % 3 != 0) {
            first = first.plusMonths(1);
        }
        YearMonth end = to;
        while ((end.getMonthValue() - 1) % 3 != 0) {
            end = end.minusMonths(1);
        }
        return first.isBefore(end) ? new Quarters(first.atDay(1), end.atDay(1)) : new Quarters(firstDay(), firstDay());
    }
}
