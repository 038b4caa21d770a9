/** Test-only helpers: an in-memory TUF repository simulator, test keys and fixture readers. */
package dev.bulwark.testkit;
