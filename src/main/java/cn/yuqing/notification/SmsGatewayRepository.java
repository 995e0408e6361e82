package cn.yuqing.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface SmsGatewayRepository extends JpaRepository<SmsGateway, Long> {

    default SmsGateway current() {
        return findById(SmsGateway.ONLY).orElseGet(SmsGateway::none);
    }
}
