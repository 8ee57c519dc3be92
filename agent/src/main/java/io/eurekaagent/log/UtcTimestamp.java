package io.eurekaagent.log;

/**
 * {@code 2026-12-04T18:40:01.123Z} by arithmetic: java.time's formatter and its zone rules would be loaded in premain
 * (a warning there is stamped too). Days to date: Howard Hinnant's civil_from_days.
 */
final class UtcTimestamp {
    private static final long DAY_MS = 86_400_000L;

    private UtcTimestamp() {
    }

    static String of(long epochMillis) {
        long days = Math.floorDiv(epochMillis, DAY_MS);
        long ms = Math.floorMod(epochMillis, DAY_MS);
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        StringBuilder text = new StringBuilder(24).append(year);
        two(text.append('-'), month);
        two(text.append('-'), day);
        two(text.append('T'), ms / 3_600_000);
        two(text.append(':'), ms / 60_000 % 60);
        two(text.append(':'), ms / 1000 % 60);
        long millis = ms % 1000;
        return text.append('.').append(millis < 100 ? "0" : "").append(millis < 10 ? "0" : "").append(millis)
                .append('Z').toString();
    }

    private static void two(StringBuilder text, long value) {
        text.append(value < 10 ? "0" : "").append(value);
    }
}
