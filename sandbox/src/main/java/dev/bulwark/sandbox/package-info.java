/**
 * Landlock LSM for Java through java.lang.foreign. Stands alone: depends on nothing else in
 * Bulwark.
 */
package dev.bulwark.sandbox;
