package dev.crmkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class KeyStreamProperties {
    /** The block function written out in KeyStream is ChaCha20: the JDK's cipher, run over zeros, is the reference. */
    @Property(tries = 50)
    void theStreamIsTheJdkChaCha20KeyStreamAcrossRefills(@ForAll @Size(32) byte[] key, @ForAll @Size(12) byte[] nonce)
            throws Exception {
        int longs = 1100; // past two refills of 512
        Cipher jdk = Cipher.getInstance("ChaCha20");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(nonce, 0));
        ByteBuffer expected = ByteBuffer.wrap(jdk.update(new byte[longs * 8])).order(ByteOrder.LITTLE_ENDIAN);
        KeyStream stream = new KeyStream(key, nonce);
        for (int i = 0; i < longs; i++) {
            assertThat(stream.nextLong()).as("long %d", i).isEqualTo(expected.getLong());
        }
    }
}
