-- H2's ENUM columns keep a value's position, not its name. After a crash (kill -9) in the middle
-- of a transaction that changed such a column, H2 2.5 recovered rows whose status read back as
-- the position ("No enum constant OrderStatus.4", found by DurabilityIT), and the job that read
-- the row failed for good. Text columns with a check constraint keep the name, as on PostgreSQL.
-- The entities map their enums as text (@JdbcTypeCode(SqlTypes.VARCHAR)) to match.

alter table customer_order alter column carrier set data type varchar(10);
alter table customer_order add check (carrier in ('DHL','DPD','GLS','UPS','FEDEX'));
alter table customer_order alter column status set data type varchar(20);
alter table customer_order add check (status in ('RECEIVED','AWAITING_APPROVAL','BACKORDERED','PICKING','SHIPPING','SHIPPED','CANCELLED','REJECTED'));

alter table notify_outbox alter column status set data type varchar(20);
alter table notify_outbox add check (status in ('PENDING','SENDING','SENT','FAILED','NOT_SENDABLE'));

alter table ops_change_approval alter column decision set data type varchar(255);
alter table ops_change_approval add check (decision in ('PENDING','APPROVED','REJECTED','CANCELLED'));

alter table ops_change_log alter column step set data type varchar(255);
alter table ops_change_log add check (step in ('SUBMITTED','RESUBMITTED','WITHDRAWN','COMMUNICATION_PLANNED','ROLLED_OUT','ROLLED_BACK'));

alter table ops_change_request alter column impact set data type varchar(255);
alter table ops_change_request add check (impact in ('LOW','MEDIUM','HIGH'));
alter table ops_change_request alter column urgency set data type varchar(255);
alter table ops_change_request add check (urgency in ('LOW','MEDIUM','HIGH'));
alter table ops_change_request alter column risk set data type varchar(255);
alter table ops_change_request add check (risk in ('LOW','MEDIUM','HIGH'));
alter table ops_change_request alter column status set data type varchar(255);
alter table ops_change_request add check (status in ('SUBMITTED','AWAITING_APPROVAL','IN_REWORK','APPROVED','SCHEDULED','ROLLED_OUT','IMPLEMENTED','FAILED','COMPLETED','ROLLED_BACK','WITHDRAWN'));

alter table ops_change_review alter column kind set data type varchar(255);
alter table ops_change_review add check (kind in ('VERIFICATION','FAILURE','POST_IMPLEMENTATION'));

alter table ops_hire alter column probation_outcome set data type varchar(10);
alter table ops_hire add check (probation_outcome in ('PASS','EXTEND','END'));
alter table ops_hire alter column status set data type varchar(20);
alter table ops_hire add check (status in ('PREPARING','ONBOARDING','CONFIRMED','ENDED','WITHDRAWN'));

alter table ops_hire_step alter column step set data type varchar(40);
alter table ops_hire_step add check (step in ('ACCOUNTS_CREATED','EQUIPMENT_PREPARED','WORKPLACE_PREPARED','DOCUMENTS_COLLECTED','NEW_HIRE_WELCOMED','FIRST_WEEK_CHECKED_IN','PROBATION_REVIEWED','WITHDRAWN'));

alter table review_department_review alter column status set data type varchar(16);
alter table review_department_review add check (status in ('OPEN','DONE'));
