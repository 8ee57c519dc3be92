package io.eurekaagent.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcTimestampTest {
    private static final DateTimeFormatter JAVA_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesWhatJavaTimeWritesForTheSameInstant() {
        assertEquals("1970-01-01T00:00:00.000Z", UtcTimestamp.of(0));
        assertEquals("2024-02-29T23:59:59.999Z", UtcTimestamp.of(millis("2024-02-29T23:59:59.999Z")));
        assertEquals("2026-12-04T18:40:01.007Z", UtcTimestamp.of(millis("2026-12-04T18:40:01.007Z")));
        // 1970 to 2400, leap days and century years among them; a fixed seed, so that a failure repeats.
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong(0, millis("2400-12-31T23:59:59.999Z"));
            assertEquals(JAVA_TIME.format(Instant.ofEpochMilli(millis)), UtcTimestamp.of(millis));
        }
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
