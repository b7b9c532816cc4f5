/** The name of the service a KafkaModule belongs to: part of client ids and consumer groups. */
export const KAFKA_SERVICE = Symbol('KAFKA_SERVICE');
