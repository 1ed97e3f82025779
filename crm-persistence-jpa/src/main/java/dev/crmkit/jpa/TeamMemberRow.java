package dev.crmkit.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "crm_team_member")
@IdClass(KeyRow.Key.class)
@AttributeOverride(name = "keyValue", column = @Column(name = "user_id"))
@AttributeOverride(name = "ownerId", column = @Column(name = "team_id"))
class TeamMemberRow extends KeyRow {
    TeamMemberRow() {
    }

    TeamMemberRow(String tenantId, String keyValue, UUID ownerId) {
        super(tenantId, keyValue, ownerId);
    }
}
