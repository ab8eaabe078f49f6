package app.banhao.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import app.banhao.platform.local.LocalMode;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The one place that decides where login codes go: the log stand-in in local mode, Aliyun SMS everywhere
 * else. Made at start-up, before any other start-up work, so an unconfigured gateway stops the start with
 * the names of the missing settings instead of failing the first resident who asks for a code.
 */
@ApplicationScoped
public class SmsGateways {

    @Produces
    @Singleton
    @Startup(1)
    SmsGateway gateway(LocalMode local, AliyunSmsConfig config, WebClient http) {
        return select(local, config, http);
    }

    static SmsGateway select(LocalMode local, AliyunSmsConfig config, WebClient http) {
        return local.on() ? new LogSmsGateway(local) : new AliyunSmsGateway(config.settings(), http);
    }
}
