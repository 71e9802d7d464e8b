/**
 * Lathe's MicroNet plugin (arXiv:2005.07877): the challenge-winning language model as a network
 * with its MicroNet score term by term ({@code micronet-lm}).
 */
module dev.lathe.plugin.micronet {
  requires dev.lathe.api;

  provides dev.lathe.api.spi.NetworkProvider with
      dev.lathe.plugin.micronet.MicronetLmProvider;
}
