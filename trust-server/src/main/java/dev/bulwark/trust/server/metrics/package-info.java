/** Request and update counters and latency histograms in Prometheus text format. */
package dev.bulwark.trust.server.metrics;
