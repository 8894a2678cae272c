package org.amity.common.personal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.personal.SubjectKeyStore;

/** Makes the contracts' cipher a bean, over whichever {@link SubjectKeyStore} the service has. */
public class PersonalDataConfig {

    @Produces
    @ApplicationScoped
    PersonalDataCipher personalDataCipher(SubjectKeyStore keys) {
        return new PersonalDataCipher(keys);
    }
}
