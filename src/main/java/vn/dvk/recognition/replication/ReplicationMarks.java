package vn.dvk.recognition.replication;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.dvk.shared.Level;

interface ReplicationMarks extends JpaRepository<ReplicationMark, Long> {

    boolean existsByModelIdAndLevelAndYear(Long modelId, Level level, int year);

    List<ReplicationMark> findByModelIdOrderByYearAscIdAsc(Long modelId);
}
