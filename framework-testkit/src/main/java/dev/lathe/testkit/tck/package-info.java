/**
 * Contract tests (a TCK) for every extension point of {@code dev.lathe.api}: a plugin author
 * subclasses one abstract class per provider, supplies the provider and a few samples, and gets
 * JUnit tests that check everything the interfaces' Javadoc promises. Also the
 * {@link dev.lathe.testkit.tck.TestPluginContext} and
 * {@link dev.lathe.testkit.tck.TestEvaluationContext} that such tests hand to plugins.
 */
package dev.lathe.testkit.tck;
