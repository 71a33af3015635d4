package io.qexec.sim.stabilizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShotBitsTest {

    @Test
    void shotWordsTransposeEveryBitToItsShot() {
        int clbits = 150;
        int shots = 200; // four shot words, the last partial
        ShotBits bits = new ShotBits(clbits, shots);
        SplittableRandom rng = new SplittableRandom(8);
        boolean[][] expected = new boolean[shots][clbits];
        for (int s = 0; s < shots; s++) {
            for (int c = 0; c < clbits; c++) {
                expected[s][c] = rng.nextBoolean();
            }
            bits.setShot(s, expected[s]);
        }
        long[][] block = new long[64][(clbits + 63) / 64];
        for (int s = 0; s < shots; s++) {
            if (s % 64 == 0) {
                bits.shotWord(s / 64, block);
            }
            for (int c = 0; c < clbits; c++) {
                assertThat((block[s % 64][c / 64] >>> c & 1) != 0).as("shot %d bit %d", s, c).isEqualTo(expected[s][c]);
                assertThat(bits.get(c, s)).isEqualTo(expected[s][c]);
            }
        }
    }

    @Test
    void transpose64MovesBitRowCToBitCRowR() {
        long[] a = new long[64];
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 64; i++) {
            a[i] = rng.nextLong();
        }
        long[] t = a.clone();
        BitMatrix.transpose64(t);
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 64; c++) {
                assertThat(t[r] >>> c & 1).isEqualTo(a[c] >>> r & 1);
            }
        }
    }
}
