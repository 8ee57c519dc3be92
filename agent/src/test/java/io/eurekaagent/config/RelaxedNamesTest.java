package io.eurekaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one-pass canonical form of premain's reads equals the segment-by-segment one the sources are keyed by. */
class RelaxedNamesTest {
    @ParameterizedTest
    @CsvSource({
        "eureka.instance.lease-renewal-interval-in-seconds, eureka.instance.leaserenewalintervalinseconds",
        "eureka.instance.leaseRenewalIntervalInSeconds, eureka.instance.leaserenewalintervalinseconds",
        "eureka.client.service-url.defaultZone, eureka.client.serviceurl.defaultzone",
        "eureka.instance.metadata-map[zone], eureka.instance.metadatamap.zone",
        "eureka..client.-.x., eureka.client..x",
        "a[]b, a.b",
    })
    void oneKeyWhicheverWayItIsWritten(String key, String canonical) {
        assertEquals(canonical, RelaxedNames.canonicalKey(key));
        assertEquals(RelaxedNames.canonicalKey(RelaxedNames.propertySegments(key)), RelaxedNames.canonicalKey(key));
    }
}
