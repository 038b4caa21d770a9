/** JMH benchmarks. Built in CI, run by hand (see docs). */
package dev.bulwark.benchmarks;
