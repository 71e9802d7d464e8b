/**
 * Lathe's test kit for plugin authors and the kernel: real plugin jars built inside a test, and
 * fixtures of faulty, slow and broken plugins.
 */
module dev.lathe.testkit {
  requires transitive dev.lathe.api;
  requires dev.lathe.core;
  requires static org.apiguardian.api;
  requires java.compiler;

  exports dev.lathe.testkit.jar;
  exports dev.lathe.testkit.fixtures;
}
