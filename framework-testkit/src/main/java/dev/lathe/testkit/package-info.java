/**
 * The experiment test kit: drives plugins through the real kernel, with the providers under test
 * registered in code, so that a plugin author tests composition, failures and resume without
 * packaging a jar.
 */
package dev.lathe.testkit;
