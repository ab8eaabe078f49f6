package app.banhao.system;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SystemBootRepository implements PanacheRepositoryBase<SystemBoot, UUID> {
}
