/**
 * Fills an empty database with a deterministic, realistic dataset at small, medium or national scale, through bulk
 * paths (JDBC batches; COPY on PostgreSQL), for benchmarks and load tests.
 */
@ApplicationModule(displayName = "Generator")
package vn.dvk.generator;

import org.springframework.modulith.ApplicationModule;
