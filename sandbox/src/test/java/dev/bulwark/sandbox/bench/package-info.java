/** Hand-run benchmarks of confined launches (scripts/bench-sandbox.sh); not tests. */
package dev.bulwark.sandbox.bench;
