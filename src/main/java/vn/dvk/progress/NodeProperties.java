package vn.dvk.progress;

import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code dvk.node-name}: the name this node records its job runs under; empty: {@code node-} and 8 random hex digits. */
@Validated
@ConfigurationProperties("dvk")
record NodeProperties(@Size(max = 64) String nodeName) {}
