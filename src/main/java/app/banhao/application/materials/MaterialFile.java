package app.banhao.application.materials;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of an uploaded material (kept apart so that reading materials never loads files). */
@Entity
@Table(name = "application_material_file")
public class MaterialFile {

    @Id
    @Column(name = "material_id")
    public UUID materialId;

    @Column(nullable = false)
    public byte[] content;
}
