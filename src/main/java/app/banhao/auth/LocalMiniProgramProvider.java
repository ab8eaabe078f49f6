package app.banhao.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.banhao.platform.crypto.Digests;
import app.banhao.platform.local.LocalMode;
import io.smallrye.mutiny.Uni;

/**
 * A stand-in for the WeChat/Alipay servers, for machines that cannot reach them: a code
 * {@code demo-<phone>} is an account whose platform-verified phone is that number; any other code is an
 * account without a phone. The openid is derived from platform and code, so the same code is the same
 * account every time.
 * <p>
 * Anyone may log in as anyone with it, so it exists only in local mode: {@link MiniProgramProviders}
 * creates it there and nowhere else, and it refuses to be created otherwise.
 */
final class LocalMiniProgramProvider implements MiniProgramProvider {

    private static final Pattern DEMO = Pattern.compile("demo-(1[3-9][0-9]{9})");

    LocalMiniProgramProvider(LocalMode localMode) {
        if (!localMode.on()) {
            throw new IllegalStateException("The local mini-program stand-in logs anyone in as anyone: only in "
                    + LocalMode.KEY + "=true");
        }
    }

    @Override
    public Uni<ChannelAccount> exchange(String platform, String loginCode, String phoneCode) {
        String phone = phoneOf(phoneCode != null ? phoneCode : loginCode);
        return Uni.createFrom().item(new ChannelAccount("local-" + digest(platform + ":" + loginCode), phone));
    }

    private static String phoneOf(String code) {
        Matcher m = code == null ? null : DEMO.matcher(code);
        return m != null && m.matches() ? m.group(1) : null;
    }

    private static String digest(String value) {
        return Digests.sha256Hex(value, 12);
    }
}
