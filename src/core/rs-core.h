/* rs-core.h — everything the programs use of the core library. */
#pragma once

#include "rs-clock.h"
#include "rs-database.h"
#include "rs-error.h"
#include "rs-password.h"
#include "rs-permission.h"
#include "rs-role.h"
#include "rs-session.h"
#include "rs-settings.h"
#include "rs-user.h"
#include "rs-users.h"
#include "rs-i18n.h"
