package app.banhao.auth;

import io.smallrye.mutiny.Uni;

/**
 * The WeChat/Alipay side of a mini-program login: turns the platform's login code into the channel
 * account (openid) and, when the user authorised it, the phone number the platform verified.
 */
public interface MiniProgramProvider {

    /** @param verifiedPhone null unless a phone authorisation code was given and accepted */
    record ChannelAccount(String openId, String verifiedPhone) {
    }

    Uni<ChannelAccount> exchange(String platform, String loginCode, String phoneCode);
}
