package dev.lathe.plugin.ofa.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Bilinear resizing as PyTorch's {@code interpolate(align_corners=False)}. */
class ImageSetTest {

  @Test
  void resizesAsPyTorchDoes() {
    // torch.nn.functional.interpolate(torch.tensor([[[[0., 1.], [2., 3.]]]]), size=4,
    //   mode="bilinear", align_corners=False)
    float[] up = ImageSet.resize(new float[] {0, 1, 2, 3}, 1, 2, 2, 4);
    assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f, 0.5f, 0.75f, 1.25f, 1.5f,
        1.5f, 1.75f, 2.25f, 2.5f, 2f, 2.25f, 2.75f, 3f}, up, 1e-6f);
    float[] same = ImageSet.resize(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 1, 3, 3, 3);
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, same, 1e-6f);
    // 4 → 2: the mean of each 2×2 block's centre, i.e. of the block
    float[] down = ImageSet.resize(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
        14, 15}, 1, 4, 4, 2);
    assertEquals(2.5f, down[0], 1e-6f);
    assertEquals(12.5f, down[3], 1e-6f);
  }
}
