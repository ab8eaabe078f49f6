package app.banhao.resident;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ResidentChannelRepository implements PanacheRepositoryBase<ResidentChannel, ResidentChannel.Key> {
}
