/**
 * Lathe's SpArch plugin (arXiv:2002.08947): an outer-product SpGEMM accelerator simulator with
 * the OuterSPACE baseline as an accelerator ({@code sparch}), and the reproduction of SpArch's
 * DRAM-traffic ablation on SuiteSparse and generated matrices ({@code lathe reproduce sparch}).
 */
module dev.lathe.plugin.sparch {
  requires dev.lathe.api;

  provides dev.lathe.api.spi.AcceleratorProvider with
      dev.lathe.plugin.sparch.SparchAcceleratorProvider;
  provides dev.lathe.api.spi.ReproductionProvider with
      dev.lathe.plugin.sparch.reproduce.SparchReproductionProvider;
}
