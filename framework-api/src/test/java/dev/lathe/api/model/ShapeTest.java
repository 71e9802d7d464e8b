package dev.lathe.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeTest {

  @Test
  void sizesElementsAndAxesFromTheEnd() {
    Shape s = Shape.of(3, 224, 224);
    assertEquals(3, s.rank());
    assertEquals(150_528, s.elements());
    assertEquals(224, s.dim(-1));
    assertEquals(3, s.dim(0));
    assertEquals(List.of(224, 224), s.spatial());
    assertEquals(Shape.of(3, 224, 7), s.with(-1, 7));
    assertEquals("[3, 224, 224]", s.toString());
  }

  @Test
  void emptyOrNonPositiveSizesAreRefused() {
    assertEquals("a shape needs at least one dimension",
        assertThrows(IllegalArgumentException.class, Shape::of).getMessage());
    assertEquals("shape [3, 0] has a size below 1",
        assertThrows(IllegalArgumentException.class, () -> Shape.of(3, 0)).getMessage());
  }

  @Test
  void elementCountsThatOverflowALongAreRefused() {
    Shape huge = Shape.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    assertThrows(ArithmeticException.class, huge::elements);
  }
}
