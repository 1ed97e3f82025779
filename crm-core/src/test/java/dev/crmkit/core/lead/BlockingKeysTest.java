package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockingKeysTest {
    private static List<Integer> block(int from, int size) {
        return IntStream.range(from, from + size).boxed().toList();
    }

    @Test
    void smallBlocksNominateEveryOwner() {
        assertThat(BlockingKeys.candidates(List.of(block(0, 3), block(2, BlockingKeys.COMMON_BLOCK))))
                .containsExactlyInAnyOrderElementsOf(block(0, BlockingKeys.COMMON_BLOCK + 2));
    }

    @Test
    void aCommonBlockNominatesOnlyOwnersAnotherBlockHasToo() {
        List<Integer> common = block(0, BlockingKeys.COMMON_BLOCK + 1);
        List<Integer> otherCommon = block(BlockingKeys.COMMON_BLOCK - 1, BlockingKeys.COMMON_BLOCK + 1);

        assertThat(BlockingKeys.candidates(List.of(common))).isEmpty();
        assertThat(BlockingKeys.candidates(List.of(common, otherCommon)))
                .containsExactlyInAnyOrder(BlockingKeys.COMMON_BLOCK - 1, BlockingKeys.COMMON_BLOCK);
        assertThat(BlockingKeys.candidates(List.of(common, List.of(5)))).containsExactly(5);
    }

    @Test
    void aBlockOverTheMaximumNominatesNoOneEvenWithAnotherKey() {
        List<Integer> huge = block(0, BlockingKeys.MAX_BLOCK + 1);
        List<Integer> common = block(0, BlockingKeys.COMMON_BLOCK + 1);

        assertThat(BlockingKeys.candidates(List.of(huge, common))).isEmpty();
    }
}
