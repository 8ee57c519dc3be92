package io.eurekaagent.client;

import io.eurekaagent.instance.InstanceInfo;
import java.time.Duration;

/** The three calls that keep one instance registered: what the registrar needs of Eureka, and tests script. */
public interface EurekaCalls {
    /** {@code POST /apps/{APP}}: 204 when registered. */
    EurekaResponse register(InstanceInfo instance) throws EurekaUnavailableException;

    /** {@code PUT /apps/{APP}/{ID}}: 200 renewed, 404 unknown (register again). */
    EurekaResponse renew(InstanceInfo instance) throws EurekaUnavailableException;

    /** {@code DELETE /apps/{APP}/{ID}}, answered or given up within {@code budget}. */
    EurekaResponse cancel(InstanceInfo instance, Duration budget) throws EurekaUnavailableException;
}
