package dev.crmkit.jpa;

import dev.crmkit.core.service.ArticleStatus;
import dev.crmkit.core.service.ArticleTerms;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 15: rebuilds {@code crm_article_term} from the stored articles, as the article repository writes it
 * on save, since knowledge search indexes English stems now ({@link ArticleTerms}) where it indexed whole words.
 */
final class ArticleTermReindex extends Backfill {
    ArticleTermReindex() {
        super("15", "article terms as stems");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement clear = c.createStatement()) {
            clear.executeUpdate("DELETE FROM crm_article_term");
        }
        try (PreparedStatement select = c.prepareStatement("SELECT tenant_id, id, title, body, tags, product_codes"
                + " FROM crm_article WHERE status = '" + ArticleStatus.PUBLISHED.name() + "'");
             PreparedStatement insert = c.prepareStatement("INSERT INTO crm_article_term (tenant_id, term,"
                     + " article_id, weight) VALUES (?, ?, ?, ?)");
             ResultSet rs = select.executeQuery()) {
            int batched = 0;
            while (rs.next()) {
                Map<String, Integer> postings = new HashMap<>();
                ArticleTerms.weights(rs.getString(3), JsonColumns.stringSet(rs.getString(5)),
                        JsonColumns.stringSet(rs.getString(6)), rs.getString(4))
                        .forEach((term, weight) -> postings.merge(JpaArticleRepository.key(term), weight,
                                Integer::sum));
                for (Map.Entry<String, Integer> p : postings.entrySet()) {
                    insert.setString(1, rs.getString(1));
                    insert.setString(2, p.getKey());
                    // handed back as the driver gave it (UUID, or text on MariaDB)
                    insert.setObject(3, rs.getObject(2));
                    insert.setInt(4, p.getValue());
                    insert.addBatch();
                    if (++batched % JpaStorage.BATCH_SIZE == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
