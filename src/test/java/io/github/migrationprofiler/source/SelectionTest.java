package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectionTest {

    private final Migration sqlFile = new Migration("V3__add_index.sql", null, "src/main/resources/db/migration/V3__add_index.sql", 1);
    private final Migration changeset = new Migration("004-type", "alice", "db/changelog/changes/004.yaml", 3);

    @Test
    void emptySelectionReviewsEverything() {
        Selection all = Selection.of(List.of(" ", ""));
        assertThat(all.isAll()).isTrue();
        assertThat(all.includes(sqlFile)).isTrue();
    }

    @Test
    void matchesIdsAuthorIdFileNamesAndGlobs() {
        assertThat(Selection.of(List.of("004-type")).includes(changeset)).isTrue();
        assertThat(Selection.of(List.of("alice:004-type")).includes(changeset)).isTrue();
        assertThat(Selection.of(List.of("004.yaml")).includes(changeset)).isTrue();
        assertThat(Selection.of(List.of("V3__*")).includes(sqlFile)).isTrue();
        assertThat(Selection.of(List.of("V?__add_index.sql")).includes(sqlFile)).isTrue();
        assertThat(Selection.of(List.of("V3__*")).includes(changeset)).isFalse();
        assertThat(Selection.of(List.of("bob:004-type")).includes(changeset)).isFalse();
    }

    @Test
    void regexCharactersInNamesAreLiteral() {
        Migration dotted = new Migration("V1.1__x.sql", null, "V1.1__x.sql", 1);
        assertThat(Selection.of(List.of("V1.1__x.sql")).includes(dotted)).isTrue();
        assertThat(Selection.of(List.of("V1x1__x.sql")).includes(dotted)).isFalse();
    }

    @Test
    void aPatternThatMatchesNothingIsATypo() {
        assertThatThrownBy(() -> Selection.of(List.of("V9__*")).validate(List.of(sqlFile, changeset)))
                .isInstanceOf(ProfilerException.class)
                .hasMessageContaining("'V9__*' matches no migration")
                .hasMessageContaining("V3__add_index.sql, 004-type");
    }
}
