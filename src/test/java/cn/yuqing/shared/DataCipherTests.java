package cn.yuqing.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SM4-GCM (and AES-GCM) at rest: round trip, fresh nonces, tampering and the wrong key refused by name. */
public class DataCipherTests {

    public static final String KEY_A = "MDEyMzQ1Njc4OWFiY2RlZg==";
    public static final String KEY_B = "ZmVkY2JhOTg3NjU0MzIxMA==";

    @Test
    void sm4RoundTripsChineseTextWithAFreshNonceEachTime() {
        var cipher = new DataCipher(KEY_A, "", DataCipher.Algorithm.SM4);
        String first = cipher.encrypt("王女士 13812345678");
        String second = cipher.encrypt("王女士 13812345678");
        assertThat(first).startsWith("enc:v1:SM4:").doesNotContain("1381").isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("王女士 13812345678");
        assertThat(cipher.decrypt(second)).isEqualTo("王女士 13812345678");
        assertThat(cipher.current(first)).isTrue();
    }

    @Test
    void aesIsTheOption() {
        var cipher = new DataCipher(KEY_A, "", DataCipher.Algorithm.AES);
        String sealed = cipher.encrypt("mail-Pa55");
        assertThat(sealed).startsWith("enc:v1:AES:");
        assertThat(cipher.decrypt(sealed)).isEqualTo("mail-Pa55");
        assertThatThrownBy(() -> new DataCipher(KEY_A, "", DataCipher.Algorithm.SM4).decrypt(sealed))
                .hasMessageContaining("未提供该密钥");
    }

    @Test
    void oneChangedCharacterIsCaughtByTheTag() {
        var cipher = new DataCipher(KEY_A, "", DataCipher.Algorithm.SM4);
        String sealed = cipher.encrypt("secret-of-the-robot");
        int last = sealed.length() - 3;
        String tampered = sealed.substring(0, last) + (sealed.charAt(last) == 'A' ? 'B' : 'A') + sealed.substring(last + 1);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).hasMessageContaining("校验失败");
    }

    @Test
    void duringARotationThePreviousKeyStillReadsWhatItWrote() {
        String old = new DataCipher(KEY_A, "", DataCipher.Algorithm.SM4).encrypt("13812345678");
        var rotating = new DataCipher(KEY_B, KEY_A, DataCipher.Algorithm.SM4);
        assertThat(rotating.decrypt(old)).isEqualTo("13812345678");
        assertThat(rotating.current(old)).isFalse();
        assertThatThrownBy(() -> new DataCipher(KEY_B, "", DataCipher.Algorithm.SM4).decrypt(old))
                .hasMessageContaining("YUQING_DATA_KEY_PREVIOUS");
    }

    @Test
    void withoutAKeyNothingSecretIsStoredAndClearValuesOfOldAreReadAsTheyAre() {
        var none = new DataCipher("", "", DataCipher.Algorithm.SM4);
        assertThat(none.configured()).isFalse();
        assertThat(none.encrypt(null)).isNull();
        assertThat(none.decrypt("stored before encryption")).isEqualTo("stored before encryption");
        assertThatThrownBy(() -> none.encrypt("13812345678")).isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("YUQING_DATA_KEY");
    }

    @Test
    void outsideTheEmbeddedTierTheStartNeedsTheKey() {
        assertThatThrownBy(() -> new DataCipher("", "", DataCipher.Algorithm.SM4, "")).hasMessageContaining("YUQING_DATA_KEY");
        assertThat(new DataCipher(KEY_A, "", DataCipher.Algorithm.SM4, "").configured()).isTrue();
    }

    @Test
    void aKeyOfTheWrongSizeIsNamed() {
        assertThatThrownBy(() -> new DataCipher("c2hvcnQ=", "", DataCipher.Algorithm.SM4)).hasMessageContaining("16字节");
        assertThatThrownBy(() -> new DataCipher("不是base64", "", DataCipher.Algorithm.SM4)).hasMessageContaining("Base64");
    }

    @Test
    void personalDataIsMaskedWhereItNeedNotBeRead() {
        assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.phone("0376-1234567")).isEqualTo("037****4567");
        assertThat(Masks.email("citizen@example.cn")).isEqualTo("c***@example.cn");
        assertThat(Masks.email(null)).isNull();
    }
}
