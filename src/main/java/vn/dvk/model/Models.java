package vn.dvk.model;

import org.springframework.data.jpa.repository.JpaRepository;

interface Models extends JpaRepository<DvkModel, Long> {}
