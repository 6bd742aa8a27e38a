-- One campaign per unit, year and level, guaranteed by the database (vn.dvk.campaign.CampaignRegistry): each level a
-- campaign opens is a row here, and two campaigns of the same unit and year cannot hold the same level, even when
-- they are launched at the same moment on two nodes (the service's check alone could let both through).
create table campaign_level (
    unit_id      bigint      not null,
    reg_year     integer     not null,
    level        varchar(16) not null,
    campaign_id  bigint      not null,
    primary key (unit_id, reg_year, level),
    constraint fk_campaign_level_campaign foreign key (campaign_id) references campaign_campaign (id)
);
create index ix_campaign_level_campaign on campaign_level (campaign_id);
insert into campaign_level (unit_id, reg_year, level, campaign_id)
    select unit_id, reg_year, 'CENTRAL', id from campaign_campaign where ',' || levels || ',' like '%,CENTRAL,%';
insert into campaign_level (unit_id, reg_year, level, campaign_id)
    select unit_id, reg_year, 'PROVINCE', id from campaign_campaign where ',' || levels || ',' like '%,PROVINCE,%';
insert into campaign_level (unit_id, reg_year, level, campaign_id)
    select unit_id, reg_year, 'DISTRICT', id from campaign_campaign where ',' || levels || ',' like '%,DISTRICT,%';
insert into campaign_level (unit_id, reg_year, level, campaign_id)
    select unit_id, reg_year, 'COMMUNE', id from campaign_campaign where ',' || levels || ',' like '%,COMMUNE,%';
