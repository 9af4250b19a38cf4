package org.plasticity.layered.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Layer lists and registered architectures: the shapes they give, and one clear message for each mistake. */
class ArchitectureTest {
    private static String shapes(String arch, Shape input) {
        List<Layer> layers = Architecture.parse(arch).layers(input, 10, Activation.RELU, Activation.SOFTMAX);
        StringBuilder s = new StringBuilder(input.toString());
        for (Layer l : layers) {
            s.append(" ").append(l.connection().out()).append(l.pool() == null ? "" : "/" + l.output());
        }
        return s.toString();
    }

    @Test
    void leNetHasBiotorchsMapSizes() {
        // biotorch on 32 x 32: 6@28 -> 14, 16@10 -> 5, 120@1, 84, 10; here padding 2 on 28 x 28 gives the same
        assertEquals("1x28x28 6x28x28/6x14x14 16x10x10/16x5x5 120x1x1 84x1x1 10x1x1",
                shapes("lenet", new Shape(1, 28, 28)));
        List<Layer> l = Architecture.parse("lenet").layers(new Shape(1, 28, 28), 10, Activation.RELU,
                Activation.SOFTMAX);
        assertEquals(Activation.LINEAR, l.get(3).activation(), "fc84 has no nonlinearity, as in biotorch");
        assertEquals(Activation.RELU, l.get(2).activation());
    }

    @Test
    void payeursCifarNetworkFlattensToTheWidthOfItsSource() {
        // Payeur et al.'s scripts: conv 64@5x5/2 -> 128@5x5/2 -> 256@3x3 -> FC 2304-1024-10
        assertEquals("3x32x32 64x14x14 128x5x5 256x3x3 1024x1x1 10x1x1", shapes("payeur-cifar",
                new Shape(3, 32, 32)));
    }

    @Test
    void uniformDropsTheActivationOverrides() {
        assertEquals("conv6k5p2,maxpool2,conv16k5,maxpool2,conv120k5,fc84",
                Architecture.parse("lenet").uniform().spec());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "conv6k5,pool2|unknown layer 'pool2'",
        "maxpool2,fc10|'maxpool2' must follow a convolutional or dense layer",
        "conv6k5,maxpool2,maxpool2|'maxpool2' must follow a convolutional or dense layer",
        "fc10,conv6k5|'conv6k5' cannot follow a dense layer",
        "fc10:softmax|softmax is an output nonlinearity only",
        "fc10:wobbly|unknown activation 'wobbly'",
        "conv0k5|sizes must be positive",
        "' '|an architecture is a name (lenet, payeur-cifar)"})
    void mistakesAreNamed(String spec, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Architecture.parse(spec));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aKernelLargerThanTheImageIsRefusedWithTheShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> shapes("conv4k9", new Shape(1, 8, 8)));
        assertTrue(e.getMessage().contains("9x9 kernel does not fit a 1x8x8 input"), e.getMessage());
        assertEquals(new Shape(3, 32, 32), Shape.image(3072));
        assertEquals(new Shape(1, 28, 28), Shape.image(784));
        assertThrows(IllegalArgumentException.class, () -> Shape.image(2));
    }
}
