package cn.yuqing.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface PreferenceRepository extends JpaRepository<NotificationPreference, Long> {
}
