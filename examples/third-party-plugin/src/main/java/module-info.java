/** An example third-party Lathe plugin: the sphere function as an evaluator. */
module com.example.lathe.sphere {
  requires dev.lathe.api;

  provides dev.lathe.api.spi.EvaluatorProvider with com.example.lathe.sphere.SphereEvaluatorProvider;
}
